import { ModuleStatus } from '../../catalog/module-status';
import { MODULE_STATUS_LABELS } from '../../catalog/views/labels';
import { ChoiceFilter, CsrfField, ErrorSummary, Field } from '../../web/components';
import { FormErrors } from '../../web/form';
import { formatDateTime } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { trustedHtml } from '../../web/render';
import { ReportReason, ReportStatus } from '../report.entity';
import { REPORT_REASON_LABELS } from './report-labels';

/** The buttons of a report's form: dismiss, or resolve by unpublishing the module. */
export type ReportDecision = 'abaikan' | 'turunkan';

export interface ReportItem {
  id: string;
  reason: ReportReason;
  status: ReportStatus;
  /** The catalogue's sanitised HTML of the reporter's Markdown. */
  detailsHtml: string | null;
  createdAt: Date;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  module: { id: string; title: string; slug: string; status: ModuleStatus };
  reporterName: string;
}

/** A refused resolution: which report, what was typed, and why. */
export interface ResolveAttempt {
  reportId: string;
  values: { note: string; decision?: ReportDecision };
  errors: FormErrors;
}

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  [ReportStatus.OPEN]: 'Terbuka',
  [ReportStatus.DISMISSED]: 'Diabaikan',
  [ReportStatus.RESOLVED]: 'Diselesaikan',
};

const REPORT_STATUS_CHOICES = Object.values(ReportStatus).map((value) => [value, REPORT_STATUS_LABELS[value]] as const);

interface CuratorReportsViewProps {
  ctx: PageContext;
  status: ReportStatus;
  items: ReportItem[];
  totalCount: number;
  /** The cursor of this page (kept by the forms, so a refusal shows the same page). */
  after: string | null;
  /** The next page's query string, when there is one. */
  nextPage: string | null;
  attempt?: ResolveAttempt;
}

/** /kurator/laporan: reports in one status, oldest first; an open one carries its resolve form. */
export function CuratorReportsView({ ctx, status, items, totalCount, after, nextPage, attempt }: CuratorReportsViewProps) {
  const shownAttempt = attempt && items.some((item) => item.id === attempt.reportId) ? attempt : undefined;
  const lost = attempt && !shownAttempt ? attempt.errors._form : undefined;
  return (
    <Layout ctx={ctx} title="Laporan">
      <h1>Laporan</h1>
      {lost && (
        <p class="notice bad" role="alert">
          {lost}
        </p>
      )}
      {shownAttempt && <AttemptSummary attempt={shownAttempt} />}
      <ChoiceFilter action="/kurator/laporan" id="status" name="status" label="Status laporan" choices={REPORT_STATUS_CHOICES} selected={status} />
      <p class="muted">{totalCount === 0 ? `Tidak ada laporan berstatus ${REPORT_STATUS_LABELS[status].toLowerCase()}.` : `${totalCount} laporan ${REPORT_STATUS_LABELS[status].toLowerCase()}, yang terlama lebih dulu.`}</p>
      <ul class="cards">
        {items.map((item) => (
          <ReportCard key={item.id} ctx={ctx} item={item} after={after} attempt={shownAttempt?.reportId === item.id ? shownAttempt : undefined} />
        ))}
      </ul>
      {(nextPage || after) && (
        <nav class="pager" aria-label="Halaman">
          {after ? <a href={`/kurator/laporan?status=${status}`}>Ke halaman pertama</a> : <span />}
          {nextPage && <a href={`/kurator/laporan?${nextPage}`}>Halaman berikutnya</a>}
        </nav>
      )}
    </Layout>
  );
}

const noteId = (reportId: string) => `catatan-${reportId}`;

function AttemptSummary({ attempt }: { attempt: ResolveAttempt }) {
  const { _form: whole, note, ...rest } = attempt.errors;
  const fields: FormErrors = { ...(note ? { [noteId(attempt.reportId)]: note } : {}), ...rest };
  return (
    <>
      {whole && (
        <p class="notice bad" role="alert">
          {whole}
        </p>
      )}
      <ErrorSummary errors={fields} labels={{ [noteId(attempt.reportId)]: 'Catatan' }} />
    </>
  );
}

function ReportCard({ ctx, item, after, attempt }: { ctx: PageContext; item: ReportItem; after: string | null; attempt?: ResolveAttempt }) {
  const { module } = item;
  const headingId = `laporan-${item.id}`;
  return (
    <li class="card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          {module.status === ModuleStatus.PUBLISHED ? <a href={`/modul/${encodeURIComponent(module.slug)}`}>{module.title}</a> : module.title}
        </h2>
        <ul class="meta">
          <li>{`Status modul: ${MODULE_STATUS_LABELS[module.status]}`}</li>
          <li>
            <a href={`/kurator/modul/${module.id}`}>Tinjau modul</a>
          </li>
        </ul>
        <dl class="facts">
          <dt>Alasan</dt>
          <dd>{REPORT_REASON_LABELS[item.reason]}</dd>
          <dt>Pelapor</dt>
          <dd>{item.reporterName}</dd>
          <dt>Dilaporkan</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
          {item.resolvedAt && (
            <>
              <dt>{REPORT_STATUS_LABELS[item.status]}</dt>
              <dd>{formatDateTime(item.resolvedAt)}</dd>
            </>
          )}
          {item.resolutionNote && (
            <>
              <dt>Catatan kurator</dt>
              <dd>{item.resolutionNote}</dd>
            </>
          )}
        </dl>
        {item.detailsHtml ? <div class="prose" dangerouslySetInnerHTML={trustedHtml(item.detailsHtml)} /> : <p class="muted">Pelapor tidak menulis keterangan.</p>}
        {item.status === ReportStatus.OPEN && <ResolveForm ctx={ctx} item={item} after={after} attempt={attempt} />}
      </article>
    </li>
  );
}

function ResolveForm({ ctx, item, after, attempt }: { ctx: PageContext; item: ReportItem; after: string | null; attempt?: ResolveAttempt }) {
  const id = noteId(item.id);
  const errors: FormErrors = attempt?.errors.note ? { [id]: attempt.errors.note } : {};
  const decisionError = attempt?.errors.status ?? attempt?.errors._form;
  return (
    <form method="post" action={`/kurator/laporan/${item.id}`} novalidate>
      <CsrfField ctx={ctx} />
      {after && <input type="hidden" name="setelah" value={after} />}
      <Field name={id} label="Catatan (wajib, dikirim ke pelapor)" hint="Teks biasa, paling banyak 2000 karakter." errors={errors}>
        {(describedBy, invalid) => (
          <textarea id={id} name="note" required maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            {attempt?.values.note ?? ''}
          </textarea>
        )}
      </Field>
      {decisionError && (
        <p class="error" id={`keputusan-${item.id}-galat`}>
          {decisionError}
        </p>
      )}
      <div class="report-actions">
        <button type="submit" name="keputusan" value="abaikan" class="secondary" aria-describedby={decisionError ? `keputusan-${item.id}-galat` : undefined}>
          Abaikan laporan
        </button>
        <button type="submit" name="keputusan" value="turunkan" aria-describedby={decisionError ? `keputusan-${item.id}-galat` : undefined}>
          Turunkan modul
        </button>
      </div>
    </form>
  );
}
