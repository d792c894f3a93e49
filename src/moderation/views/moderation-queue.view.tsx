import { ModuleStatus } from '../../catalog/module-status';
import { MODULE_STATUS_CHOICES, MODULE_STATUS_LABELS } from '../../catalog/views/labels';
import { ChoiceFilter } from '../../web/components';
import { formatDateTime } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { QueueEntry, QueuePage } from '../moderation-page-data';
import { findingsInShort, waitedFor } from './queue-words';

/** /kurator: the moderation queue, oldest submission first, with a status filter and the next page's link. */
export function ModerationQueueView({ ctx, page, status, now }: { ctx: PageContext; page: QueuePage; status: ModuleStatus; now: Date }) {
  const next = page.after && `/kurator?${new URLSearchParams({ status, setelah: page.after }).toString()}`;
  return (
    <Layout ctx={ctx} title="Antrean moderasi">
      <h1>Antrean moderasi</h1>
      <ChoiceFilter action="/kurator" id="status" name="status" label="Status kiriman" choices={MODULE_STATUS_CHOICES} selected={status} />
      <p>
        {`${page.totalCount} modul berstatus "${MODULE_STATUS_LABELS[status]}"`}
        {status === ModuleStatus.IN_REVIEW && ', termasuk perubahan modul terbit yang menunggu tinjauan'}. Yang paling lama menunggu ada di atas.
      </p>
      {page.entries.length === 0 ? (
        <p class="notice">{status === ModuleStatus.IN_REVIEW ? 'Antrean kosong: tidak ada kiriman yang menunggu tinjauan.' : 'Tidak ada modul dengan status ini.'}</p>
      ) : (
        <ol class="queue">
          {page.entries.map((entry) => (
            <QueueItem key={entry.id} entry={entry} now={now} />
          ))}
        </ol>
      )}
      {next && (
        <p>
          <a href={next}>Halaman berikutnya</a>
        </p>
      )}
    </Layout>
  );
}

function QueueItem({ entry, now }: { entry: QueueEntry; now: Date }) {
  const { contributor } = entry;
  const isRevision = entry.revisionStatus !== null;
  return (
    <li class="card">
      <h2>
        <a href={`/kurator/modul/${entry.id}`}>{entry.title}</a>
      </h2>
      <ul class="meta">
        <li>{isRevision ? `Perubahan modul terbit (${MODULE_STATUS_LABELS[entry.revisionStatus!]})` : `Modul baru (${MODULE_STATUS_LABELS[entry.status]})`}</li>
        <li>
          {`Oleh ${contributor.displayName}`}
          {contributor.organizationName && contributor.organizationName !== contributor.displayName && ` (${contributor.organizationName})`}
        </li>
        {entry.submittedAt && (
          <li>
            Dikirim <time dateTime={new Date(entry.submittedAt).toISOString()}>{formatDateTime(entry.submittedAt)}</time>
            {` · menunggu ${waitedFor(entry.submittedAt, now)}`}
          </li>
        )}
      </ul>
      <p>{`Temuan otomatis: ${findingsInShort(entry.checks)}`}</p>
    </li>
  );
}
