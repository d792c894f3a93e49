import { Layout } from '../../../web/layout';
import { PageContext } from '../../../web/page-context';
import { JobState } from '../../../queue/job-state';
import { ImportFailure } from '../import-job.entity';
import { failureFieldLabel, formatCount, JOB_STATE_LABELS } from './import-labels';

export interface ImportJobSummary {
  id: string;
  state: JobState;
  total: number;
  processed: number;
  createdCount: number;
  failures: ImportFailure[];
}

interface ImportJobViewProps {
  ctx: PageContext;
  job: ImportJobSummary;
  /** The first created modules (a capped list). */
  created: { id: string; title: string }[];
  /** How many failures the page lists; the rest are in the CSV report. */
  failuresShown: number;
}

/** While the job runs, the region is refreshed by site.js (data-poll) and, without JavaScript, by the "Perbarui" link. */
const POLL_MS = '1500';

/** /kontributor/impor/{id}: the job's progress, then what was created and every refused row. */
export function ImportJobView({ ctx, job, created, failuresShown }: ImportJobViewProps) {
  const running = job.state === JobState.QUEUED || job.state === JobState.RUNNING;
  const refusedRows = new Set(job.failures.map((failure) => failure.index)).size;
  return (
    <Layout ctx={ctx} title="Hasil impor">
      <h1>Impor modul</h1>
      <section id="impor-kemajuan" data-poll={running ? POLL_MS : undefined} aria-labelledby="impor-status">
        <h2 id="impor-status">{JOB_STATE_LABELS[job.state]}</h2>
        <p>
          <label for="impor-progres">Baris diproses</label>{' '}
          <progress id="impor-progres" max={job.total} value={job.processed}>
            {`${job.processed} dari ${job.total}`}
          </progress>{' '}
          <span>{`${formatCount(job.processed)} dari ${formatCount(job.total)} baris`}</span>
        </p>
        {running && (
          <p>
            Modul dibuat bertahap. <a href={`/kontributor/impor/${job.id}`}>Perbarui</a> untuk melihat kemajuannya (dengan JavaScript halaman ini memperbarui sendiri).
          </p>
        )}
        {job.state === JobState.FAILED && (
          <p class="notice bad" role="alert">
            Impor berhenti karena kesalahan di sisi kami. Modul yang sudah tercatat di bawah tetap tersimpan; unggah lagi baris sisanya nanti.
          </p>
        )}
        {!running && (
          <p>
            <strong>{`${formatCount(job.createdCount)} modul dibuat sebagai draf`}</strong>
            {refusedRows > 0 ? `, ${formatCount(refusedRows)} baris tidak diimpor.` : '.'} Draf belum terlihat oleh peserta: lengkapi, lalu kirim
            untuk ditinjau dari <a href="/kontributor">Modul Saya</a>.
          </p>
        )}
        {!running && created.length > 0 && <CreatedModules created={created} total={job.createdCount} />}
        {job.failures.length > 0 && <Failures job={job} shown={failuresShown} refusedRows={refusedRows} />}
      </section>
      <p>
        <a href="/kontributor/impor">Impor berkas lain</a>
      </p>
    </Layout>
  );
}

function CreatedModules({ created, total }: { created: { id: string; title: string }[]; total: number }) {
  return (
    <>
      <h3>Modul yang dibuat</h3>
      <ul class="import-created">
        {created.map((module) => (
          <li key={module.id}>
            <a href={`/kontributor/modul/${module.id}`}>{module.title}</a>
          </li>
        ))}
      </ul>
      {total > created.length && <p>{`dan ${formatCount(total - created.length)} lainnya di Modul Saya.`}</p>}
    </>
  );
}

function Failures({ job, shown, refusedRows }: { job: ImportJobSummary; shown: number; refusedRows: number }) {
  const listed = job.failures.slice(0, shown);
  return (
    <>
      <h3 id="impor-masalah">{`Baris yang tidak diimpor (${formatCount(refusedRows)})`}</h3>
      <p>
        Baris ini tidak dibuat. Perbaiki, lalu unggah baris itu saja: mengunggah ulang seluruh berkas membuat modul ganda.{' '}
        <a href={`/kontributor/impor/${job.id}/laporan.csv`} download={`laporan-impor-${job.id.slice(0, 8)}.csv`}>
          Unduh laporan CSV
        </a>
        .
      </p>
      {/* Focusable, so a keyboard can scroll the table sideways on a narrow phone. */}
      <div class="table-scroll" role="region" aria-labelledby="impor-masalah" tabIndex={0}>
        <table class="import-failures">
          <caption class="sr-only">Masalah per baris berkas</caption>
          <thead>
            <tr>
              <th scope="col">Baris</th>
              <th scope="col">Kolom</th>
              <th scope="col">Masalah</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((failure, i) => (
              <tr key={i}>
                <td class="num">{rowOf(failure)}</td>
                <td>{failureFieldLabel(failure.field)}</td>
                <td>{failure.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {job.failures.length > listed.length && <p>{`dan ${formatCount(job.failures.length - listed.length)} masalah lainnya di laporan CSV.`}</p>}
    </>
  );
}

/** The uploaded file's row; a job submitted through the API has only the item's place in the list (from 1). */
export const rowOf = (failure: ImportFailure): number => failure.row ?? failure.index + 1;
