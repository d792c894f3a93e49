import { JobState } from '../../queue/job-state';
import { ReindexJobEntity } from '../../search/reindex-job.entity';
import { formatDateTime } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';

export const JOB_STATE_LABELS: Record<JobState, string> = {
  [JobState.QUEUED]: 'Menunggu giliran',
  [JobState.RUNNING]: 'Sedang berjalan',
  [JobState.SUCCEEDED]: 'Selesai',
  [JobState.FAILED]: 'Gagal',
};

export const isUnderway = (job: Pick<ReindexJobEntity, 'state'>): boolean => job.state === JobState.QUEUED || job.state === JobState.RUNNING;

/** A reindex job's state and count (ReindexJob's fields). */
export function ReindexFacts({ job }: { job: ReindexJobEntity }) {
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>{JOB_STATE_LABELS[job.state]}</dd>
      <dt>Dokumen terindeks</dt>
      <dd>{job.indexedDocuments}</dd>
      <dt>Diminta</dt>
      <dd>{formatDateTime(job.createdAt)}</dd>
      {job.finishedAt && (
        <>
          <dt>Berakhir</dt>
          <dd>{formatDateTime(job.finishedAt)}</dd>
        </>
      )}
      {job.error && (
        <>
          <dt>Galat</dt>
          <dd>{job.error}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * /admin/reindeks/{id}: while the job is under way its region carries
 * data-poll (site.js refreshes it from this URL); without JavaScript the
 * "Perbarui" link does the same.
 */
export function ReindexJobView({ ctx, job }: { ctx: PageContext; job: ReindexJobEntity }) {
  const underway = isUnderway(job);
  return (
    <Layout ctx={ctx} title="Pembangunan ulang indeks">
      <h1>Pembangunan ulang indeks pencarian</h1>
      <section id="reindeks" aria-labelledby="reindeks-judul" data-poll={underway ? '1500' : undefined}>
        <h2 id="reindeks-judul">{underway ? 'Sedang dikerjakan' : 'Hasil'}</h2>
        <ReindexFacts job={job} />
        {underway ? (
          <p>
            Halaman ini diperbarui sendiri. <a href={`/admin/reindeks/${job.id}`}>Perbarui</a>
          </p>
        ) : (
          <p class={job.state === JobState.SUCCEEDED ? 'notice ok' : 'notice bad'} role="status">
            {job.state === JobState.SUCCEEDED ? `Indeks dibangun ulang: ${job.indexedDocuments} modul terbit bisa dicari.` : 'Pembangunan ulang gagal. Indeks lama tetap dipakai; coba lagi nanti.'}
          </p>
        )}
      </section>
      <p>
        <a href="/admin">Kembali ke Admin</a>
      </p>
    </Layout>
  );
}
