import { ReportReason } from '../report.entity';

/** How the contract's ReportReason reads on the pages. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  [ReportReason.BROKEN_CONTENT]: 'Materi rusak atau tidak bisa dibuka',
  [ReportReason.MISLEADING]: 'Menyesatkan atau tidak sesuai deskripsi',
  [ReportReason.COPYRIGHT]: 'Melanggar hak cipta',
  [ReportReason.INAPPROPRIATE]: 'Tidak pantas',
  [ReportReason.SPAM]: 'Spam atau iklan',
  [ReportReason.OTHER]: 'Lainnya',
};
