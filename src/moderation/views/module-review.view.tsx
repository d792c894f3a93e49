import { ModuleStatus } from '../../catalog/module-status';
import { MODULE_STATUS_LABELS } from '../../catalog/views/labels';
import { ErrorSummary } from '../../web/components';
import { FormErrors } from '../../web/form';
import { formatDateTime } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { ContributorRecord } from '../contributor-record.service';
import { ReviewPageModel } from '../moderation-page-data';
import { ModerationFindings } from './moderation-findings.view';
import { ModerationHistory } from './moderation-history.view';
import { DECISION_FIELD_LABELS, DecisionForm, DecisionValues, UnpublishForm } from './review-forms';
import { RevisionDiffView } from './revision-diff.view';
import { SubmissionContent } from './submission-content.view';

/** A refused decision or take-down, shown again beside its fields. */
export type ReviewAttempt = { form: 'decision'; values: DecisionValues; errors: FormErrors } | { form: 'unpublish'; note: string; errors: FormErrors };

/** /kurator/modul/{id}: the submission (a new module in full, a revision as its diff), findings, histories and the decision forms. */
export function ModuleReviewView({ ctx, page, attempt }: { ctx: PageContext; page: ReviewPageModel; attempt?: ReviewAttempt }) {
  const { module, revision, contributor } = page;
  const title = revision?.title ?? module.title;
  const { _form: whole, ...fields } = attempt?.errors ?? {};
  return (
    <Layout ctx={ctx} title={`Tinjau: ${title}`}>
      <h1>{`Tinjau: ${title}`}</h1>
      {whole && (
        <div class="notice bad" role="alert">
          <p>{whole}</p>
          <p>
            <a href={`/kurator/modul/${module.id}`}>Muat ulang halaman ini</a>
          </p>
        </div>
      )}
      <ErrorSummary errors={fields} labels={DECISION_FIELD_LABELS} />
      <dl class="facts">
        <dt>Kiriman</dt>
        <dd>{revision ? 'Perubahan modul yang sudah terbit' : 'Modul baru'}</dd>
        <dt>Status</dt>
        <dd>
          {MODULE_STATUS_LABELS[module.status]}
          {revision && `; perubahannya: ${MODULE_STATUS_LABELS[revision.status]}`}
        </dd>
        <dt>Kontributor</dt>
        <dd>
          {contributor.displayName}
          {contributor.organizationName && contributor.organizationName !== contributor.displayName && ` (${contributor.organizationName})`}
        </dd>
        {(revision?.submittedAt ?? module.submittedAt) && (
          <>
            <dt>Dikirim</dt>
            <dd>{formatDateTime((revision?.submittedAt ?? module.submittedAt)!)}</dd>
          </>
        )}
        <dt>Versi</dt>
        <dd>{module.version}</dd>
      </dl>
      {module.status === ModuleStatus.PUBLISHED && (
        <p>
          <a href={`/modul/${encodeURIComponent(module.slug)}`}>Lihat versi terbit seperti yang dilihat peserta</a>
        </p>
      )}

      <ModerationFindings checks={page.checks} related={page.related} />

      <section aria-labelledby="kiriman-judul">
        {revision ? (
          <>
            <h2 id="kiriman-judul">Perubahan terhadap versi terbit</h2>
            {revision.reviewNote && (
              <p>
                Catatan kurator sebelumnya: <q>{revision.reviewNote}</q>
              </p>
            )}
            <RevisionDiffView diff={revision.diff} />
          </>
        ) : (
          <>
            <h2 id="kiriman-judul">Isi modul</h2>
            <SubmissionContent page={page} />
          </>
        )}
      </section>

      <ModerationHistory entries={page.history} />
      <ContributorHistory record={page.record} name={contributor.displayName} />

      {page.awaitingDecision && (
        <section aria-labelledby="keputusan-judul">
          <h2 id="keputusan-judul">Keputusan</h2>
          <DecisionForm
            ctx={ctx}
            moduleId={module.id}
            version={module.version}
            values={attempt?.form === 'decision' ? attempt.values : undefined}
            errors={attempt?.form === 'decision' ? attempt.errors : undefined}
          />
        </section>
      )}
      {module.status === ModuleStatus.PUBLISHED && (
        <section aria-labelledby="turunkan-judul">
          <h2 id="turunkan-judul">Turunkan modul</h2>
          <p>Modul yang diturunkan hilang dari pencarian dan tidak bisa didaftari lagi; pesertanya tetap menyimpan riwayat belajar.</p>
          <UnpublishForm
            ctx={ctx}
            moduleId={module.id}
            note={attempt?.form === 'unpublish' ? attempt.note : undefined}
            errors={attempt?.form === 'unpublish' ? attempt.errors : undefined}
          />
        </section>
      )}
    </Layout>
  );
}

/** The contributor's other modules by status and the decisions on all of theirs. */
function ContributorHistory({ record, name }: { record: ContributorRecord; name: string }) {
  const { decisions } = record;
  return (
    <section aria-labelledby="kontributor-judul">
      <h2 id="kontributor-judul">Riwayat kontributor</h2>
      <p>{`Keputusan kurator atas modul ${name} sejauh ini: ${decisions.approved} disetujui, ${decisions.changesRequested} diminta perbaikan, ${decisions.rejected} ditolak.`}</p>
      {record.moduleCounts.length === 0 ? (
        <p>Kontributor ini belum punya modul lain.</p>
      ) : (
        <>
          <p>{`Modul lain: ${record.moduleCounts.map(({ status, count }) => `${count} ${MODULE_STATUS_LABELS[status].toLowerCase()}`).join(', ')}.`}</p>
          <ul>
            {record.recentModules.map((other) => (
              <li key={other.id}>
                <a href={`/kurator/modul/${other.id}`}>{other.title}</a> <span class="muted">{`· ${MODULE_STATUS_LABELS[other.status]}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
