import { Role } from '../../auth/role';
import { ReportForm } from '../../reports/views/report-form';
import { CsrfField } from '../../web/components';
import { formatDate, formatDuration, formatPrice } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { proseHtml } from '../../web/render';
import { ModulePageModel } from '../module-page-data';
import { ModuleStatus } from '../module-status';
import { DELIVERY_MODE_LABELS, languageLabel, LESSON_KIND_LABELS, LEVEL_LABELS } from './labels';
import { ModuleCard } from './module-card';

const rating = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** What wallet.chargeEnrollment does (ledger-rules.enrollmentCharge): Rp1 once per new enrollment while the balance allows, else FEE_WAIVED. */
const RP1_EXPLAINED =
  'Saat Anda mendaftar, Rp1 dipotong sekali dari saldo pelatihan Kartu Prakerja Anda selama saldo masih ada. Setelah saldo habis, biayanya dibebaskan: Anda tetap bisa mendaftar tanpa membayar.';

const STATUS_NOTES: Partial<Record<ModuleStatus, string>> = {
  [ModuleStatus.DRAFT]: 'Modul ini masih draf: hanya pembuatnya dan kurator yang bisa melihatnya.',
  [ModuleStatus.IN_REVIEW]: 'Modul ini sedang ditinjau kurator dan belum terbit.',
  [ModuleStatus.CHANGES_REQUESTED]: 'Kurator meminta perubahan: modul ini belum terbit.',
  [ModuleStatus.REJECTED]: 'Modul ini ditolak kurator dan tidak terbit.',
  [ModuleStatus.UNPUBLISHED]: 'Modul ini sudah diturunkan dan tidak tampil untuk umum.',
  [ModuleStatus.ARCHIVED]: 'Modul ini sudah diarsipkan dan tidak tampil untuk umum.',
};

/** /modul/{slug}: the module, its lessons, how to enrol (or carry on), reviews, a report form and related free modules. */
export function ModuleView({ ctx, page }: { ctx: PageContext; page: ModulePageModel }) {
  const { module, contributor, lessons } = page;
  const statusNote = STATUS_NOTES[module.status];
  return (
    <Layout ctx={ctx} title={module.title}>
      <article class="module">
        <h1>{module.title}</h1>
        {statusNote && <p class="notice warn">{statusNote}</p>}
        <p>{module.summary}</p>
        <p>
          Oleh <strong>{contributor.displayName}</strong>
          {contributor.organizationName && contributor.organizationName !== contributor.displayName && ` (${contributor.organizationName})`}
        </p>
        <dl class="facts">
          <dt>Harga</dt>
          <dd class={module.priceIdr === 0 ? 'price-free' : undefined}>{formatPrice(module.priceIdr)}</dd>
          <dt>Penilaian</dt>
          <dd>{module.ratingCount > 0 && module.ratingAverage !== null ? `★ ${rating.format(module.ratingAverage)} dari 5 (${module.ratingCount} ulasan)` : 'Belum ada ulasan'}</dd>
          <dt>Durasi</dt>
          <dd>{formatDuration(module.durationMinutes)}</dd>
          <dt>Tingkat</dt>
          <dd>{LEVEL_LABELS[module.level]}</dd>
          <dt>Bahasa</dt>
          <dd>{languageLabel(module.language)}</dd>
          <dt>Cara belajar</dt>
          <dd>{DELIVERY_MODE_LABELS[module.deliveryMode]}</dd>
          <dt>Kategori</dt>
          <dd>{page.categoryName}</dd>
          <dt>Sertifikat</dt>
          <dd>{module.certificate ? 'Ada sertifikat setelah selesai' : 'Tanpa sertifikat'}</dd>
          {module.skills.length > 0 && (
            <>
              <dt>Keterampilan</dt>
              <dd>{module.skills.join(', ')}</dd>
            </>
          )}
        </dl>
        {module.priceIdr === 1 && <p class="notice">{RP1_EXPLAINED}</p>}
        <EnrolAction ctx={ctx} page={page} />

        <h2>Tentang modul ini</h2>
        <div class="prose" dangerouslySetInnerHTML={proseHtml(page.descriptionHtml, 2)} />

        <h2>Daftar pelajaran</h2>
        {lessons.length === 0 ? (
          <p class="muted">Belum ada pelajaran.</p>
        ) : (
          <ol class="lessons">
            {lessons.map((lesson) => (
              <li key={lesson.id}>
                {page.enrollment ? <a href={`/belajar/${page.enrollment.id}/${lesson.id}`}>{lesson.title}</a> : lesson.title}{' '}
                <span class="muted">
                  · {LESSON_KIND_LABELS[lesson.kind]} · {formatDuration(lesson.durationMinutes)}
                  {page.enrollment?.completedLessonIds.includes(lesson.id) && ' · selesai'}
                </span>
              </li>
            ))}
          </ol>
        )}
      </article>

      {page.reviews.length > 0 && (
        <section aria-labelledby="ulasan">
          <h2 id="ulasan">Ulasan terbaru</h2>
          <ul class="reviews">
            {page.reviews.map((review, index) => (
              <li key={index}>
                <p>
                  <strong>{review.authorName}</strong> · {`★ ${review.rating}`} · <span class="muted">{formatDate(review.createdAt)}</span>
                </p>
                {review.comment && <p class="prose">{review.comment}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {module.status === ModuleStatus.PUBLISHED && <ReportSection ctx={ctx} slug={module.slug} />}

      {page.related.length > 0 && (
        <section aria-labelledby="terkait">
          <h2 id="terkait">Modul gratis terkait</h2>
          <ul class="cards">
            {page.related.map((related) => (
              <ModuleCard key={related.slug} module={related} />
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** Enrol (beneficiaries not yet enrolled), carry on (enrolled), sign in (anonymous); nothing for other roles. */
function EnrolAction({ ctx, page }: { ctx: PageContext; page: ModulePageModel }) {
  const slugPath = `/modul/${encodeURIComponent(page.module.slug)}`;
  if (!ctx.viewer) {
    return (
      <p>
        <a class="btn" href={`/masuk?lanjut=${encodeURIComponent(slugPath)}`}>
          Masuk untuk mendaftar
        </a>
      </p>
    );
  }
  if (ctx.viewer.role !== Role.BENEFICIARY) return null;
  if (page.enrollment) {
    const lesson = page.enrollment.continueLessonId;
    return (
      <p>
        <a class="btn" href={lesson ? `/belajar/${page.enrollment.id}/${lesson}` : '/belajar'}>
          Lanjutkan belajar
        </a>
      </p>
    );
  }
  if (page.module.status !== ModuleStatus.PUBLISHED) return null;
  return (
    <form method="post" action="/belajar">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="moduleId" value={page.module.id} />
      <button type="submit">{page.module.priceIdr === 0 ? 'Daftar gratis' : 'Daftar (Rp1)'}</button>
    </form>
  );
}

/** A report form behind a disclosure (works without JavaScript); anonymous viewers are asked to sign in first. */
function ReportSection({ ctx, slug }: { ctx: PageContext; slug: string }) {
  const reportPath = `/modul/${encodeURIComponent(slug)}/laporkan`;
  if (!ctx.viewer) {
    return (
      <p>
        <a href={`/masuk?lanjut=${encodeURIComponent(reportPath)}`}>Masuk untuk melaporkan modul ini</a>
      </p>
    );
  }
  return (
    <details class="report">
      <summary>Laporkan modul ini</summary>
      <ReportForm ctx={ctx} slug={slug} />
    </details>
  );
}
