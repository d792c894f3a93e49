import { JobState } from '../../../queue/job-state';
import { MODULE_FIELD_LABELS } from '../../views/labels';

const count = new Intl.NumberFormat('id-ID');
/** 5000 → "5.000". */
export const formatCount = (value: number): string => count.format(value);
/** 33554432 → "32 MB", 1572864 → "1,5 MB". */
export const formatMegabytes = (bytes: number): string => `${count.format(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;

/** A failure's field in Indonesian, with the name the file uses: "Harga (priceIdr)", "Pelajaran 2: durationMinutes". */
export function failureFieldLabel(field: string | null): string {
  if (!field) return 'Seluruh baris';
  const [top, index, ...rest] = field.split('.');
  const label = MODULE_FIELD_LABELS[top] ?? top;
  if (top === 'lessons' && index !== undefined && /^\d+$/.test(index)) return `Pelajaran ${Number(index) + 1}${rest.length ? `: ${rest.join('.')}` : ''}`;
  return `${label} (${field})`;
}

export const JOB_STATE_LABELS: Record<JobState, string> = {
  [JobState.QUEUED]: 'Menunggu giliran',
  [JobState.RUNNING]: 'Sedang dibuat',
  [JobState.SUCCEEDED]: 'Selesai',
  [JobState.FAILED]: 'Gagal',
};
