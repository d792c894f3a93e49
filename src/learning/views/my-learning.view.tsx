import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { formatDate } from '../../web/format';
import { EnrollmentStatus } from '../enrollment.entity';
import { Progress } from '../learning.service';
import { ProgressBar } from './progress-bar';

export interface EnrollmentItem {
  enrollmentId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  moduleTitle: string;
  /** False after a take-down: the module's lessons cannot be opened. */
  available: boolean;
  progress: Progress;
  /** Where "Lanjutkan belajar" goes: the first unfinished lesson, or the first lesson once all are done. */
  continueLessonId: string | null;
}

interface MyLearningViewProps {
  ctx: PageContext;
  items: EnrollmentItem[];
  totalCount: number;
  /** The next page's query string, when there is one. */
  nextPage: string | null;
  /** True on a page after the first. */
  paged: boolean;
}

/** Belajar Saya: the viewer's enrollments, newest first, with their progress. */
export function MyLearningView({ ctx, items, totalCount, nextPage, paged }: MyLearningViewProps) {
  return (
    <Layout ctx={ctx} title="Belajar Saya">
      <h1>Belajar Saya</h1>
      {totalCount === 0 ? (
        <p>
          Anda belum terdaftar di modul apa pun. <a href="/">Cari modul gratis</a> untuk mulai belajar.
        </p>
      ) : (
        <p class="muted">{`${totalCount} modul`}</p>
      )}
      <ul class="cards">
        {items.map((item) => (
          <EnrollmentCard item={item} key={item.enrollmentId} />
        ))}
      </ul>
      {(nextPage || paged) && (
        <nav class="pager" aria-label="Halaman">
          {paged ? <a href="/belajar">Ke halaman pertama</a> : <span />}
          {nextPage && <a href={`/belajar?${nextPage}`}>Halaman berikutnya</a>}
        </nav>
      )}
    </Layout>
  );
}

function EnrollmentCard({ item }: { item: EnrollmentItem }) {
  const done = item.status === EnrollmentStatus.COMPLETED;
  const href = item.available && item.continueLessonId ? `/belajar/${item.enrollmentId}/${item.continueLessonId}` : null;
  return (
    <li class="card">
      <h2>{href ? <a href={href}>{item.moduleTitle}</a> : item.moduleTitle}</h2>
      <ul class="meta">
        <li>{done ? 'Selesai' : 'Sedang belajar'}</li>
        <li>{`Terdaftar ${formatDate(item.enrolledAt)}`}</li>
      </ul>
      <ProgressBar progress={item.progress} id={`progres-${item.enrollmentId}`} />
      {href ? (
        <p>
          <a class="btn secondary" href={href} aria-label={`${done ? 'Buka lagi' : 'Lanjutkan belajar'}: ${item.moduleTitle}`}>
            {done ? 'Buka lagi' : 'Lanjutkan belajar'}
          </a>
        </p>
      ) : (
        <p class="muted">Modul ini sedang tidak tersedia.</p>
      )}
    </li>
  );
}
