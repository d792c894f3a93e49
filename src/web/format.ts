const rupiah = new Intl.NumberFormat('id-ID');
const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
const date = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' });

/** Rp1.000.000 (Indonesian grouping). */
export const formatRupiah = (amount: number): string => `${amount < 0 ? '−' : ''}Rp${rupiah.format(Math.abs(amount))}`;

/** A module's price as beneficiaries read it: Rp0 is "Gratis". */
export const formatPrice = (priceIdr: number): string => (priceIdr === 0 ? 'Gratis' : formatRupiah(priceIdr));

export const formatDateTime = (value: Date | string): string => dateTime.format(new Date(value));
export const formatDate = (value: Date | string): string => date.format(new Date(value));

/** "1 jam 30 menit" from minutes. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} menit`;
  return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
}
