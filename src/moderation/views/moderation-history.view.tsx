import { MODULE_STATUS_LABELS } from '../../catalog/views/labels';
import { ModuleStatus } from '../../catalog/module-status';
import { formatDateTime } from '../../web/format';
import { ModerationAction } from '../module-status-machine';

/** One moderation event as a page shows it (the actor's display name already loaded). */
export interface HistoryEntry {
  id: string;
  action: ModerationAction;
  fromStatus: ModuleStatus;
  toStatus: ModuleStatus;
  note: string | null;
  actorName: string;
  createdAt: Date;
}

export const MODERATION_ACTION_LABELS: Record<ModerationAction, string> = {
  [ModerationAction.SUBMIT]: 'Dikirim untuk ditinjau',
  [ModerationAction.APPROVE]: 'Disetujui',
  [ModerationAction.REQUEST_CHANGES]: 'Diminta perbaikan',
  [ModerationAction.REJECT]: 'Ditolak',
  [ModerationAction.UNPUBLISH]: 'Diturunkan',
  [ModerationAction.ARCHIVE]: 'Diarsipkan',
  [ModerationAction.EDIT_PUBLISHED]: 'Perubahan modul terbit dikirim',
};

/** The module's whole moderation history, oldest first, with each note. */
export function ModerationHistory({ entries, level = 2 }: { entries: readonly HistoryEntry[]; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="history" aria-labelledby="riwayat-judul">
      <Heading id="riwayat-judul">Riwayat moderasi</Heading>
      {entries.length === 0 ? (
        <p>Belum ada riwayat: modul ini belum pernah dikirim untuk ditinjau.</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <li key={entry.id}>
              <p>
                <strong>{MODERATION_ACTION_LABELS[entry.action] ?? entry.action}</strong>
                {` oleh ${entry.actorName}, `}
                <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time>
                {` (${MODULE_STATUS_LABELS[entry.fromStatus]} → ${MODULE_STATUS_LABELS[entry.toStatus]})`}
              </p>
              {entry.note && <blockquote>{entry.note}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
