import { NotificationKind } from './notification-kind';

export interface MessageFacts {
  kind: NotificationKind;
  /** Titles of the modules the notification is about, in order. */
  titles: string[];
  note?: string | null;
  /** REPORT_RESOLVED: RESOLVED or DISMISSED. */
  outcome?: string;
}

const quoted = (title: string | undefined) => `"${title ?? 'modul yang sudah dihapus'}"`;
const withNote = (text: string, note?: string | null) => (note ? `${text} Catatan kurator: ${note}` : text);

/** The text a user reads (Bahasa Indonesia, like the catalogue). */
export function notificationMessage({ kind, titles, note, outcome }: MessageFacts): string {
  const [title] = titles;
  switch (kind) {
    case NotificationKind.MODULE_APPROVED:
      return withNote(`Modul ${quoted(title)} disetujui kurator dan sudah tayang di katalog.`, note);
    case NotificationKind.CHANGES_REQUESTED:
      return withNote(`Kurator meminta perubahan pada modul ${quoted(title)} sebelum dapat tayang.`, note);
    case NotificationKind.MODULE_REJECTED:
      return withNote(`Modul ${quoted(title)} ditolak kurator.`, note);
    case NotificationKind.MODULE_UNPUBLISHED:
      return withNote(`Modul ${quoted(title)} diturunkan dari katalog oleh kurator.`, note);
    case NotificationKind.REPORT_RESOLVED:
      return withNote(
        outcome === 'DISMISSED'
          ? `Laporan Anda tentang modul ${quoted(title)} sudah ditinjau dan tidak ditindaklanjuti.`
          : `Laporan Anda tentang modul ${quoted(title)} sudah ditindaklanjuti. Terima kasih.`,
        note,
      );
    case NotificationKind.CREDIT_EXHAUSTED:
      return titles.length > 0
        ? `Saldo pelatihan Kartu Prakerja Anda sudah habis. Anda tetap bisa belajar gratis, misalnya: ${titles.map((t) => quoted(t)).join(', ')}.`
        : 'Saldo pelatihan Kartu Prakerja Anda sudah habis. Anda tetap bisa belajar dengan modul gratis di katalog.';
  }
}
