import { LESSON_KIND_LABELS } from '../../catalog/views/labels';
import { CsrfField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { formatDuration } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { EnrollmentStatus } from '../enrollment.entity';
import { LessonPageData } from '../lesson-page-data';
import { LessonContent } from './lesson-content';
import { ProgressBar } from './progress-bar';
import { QuizForm, QuizResult } from './quiz-form';
import { RatingForm, RatingValues } from './rating-form';

interface LessonViewProps {
  ctx: PageContext;
  data: LessonPageData;
  /** A refused quiz submission: options chosen by question id, errors by question id or '_form'. */
  quiz?: { chosen: Record<string, string[]>; errors: FormErrors };
  /** A refused rating. */
  rating?: { values: RatingValues; errors: FormErrors };
}

/** One lesson of the viewer's enrollment: progress, the lesson list, the material, how to complete it, and the rating form. */
export function LessonView({ ctx, data, quiz, rating }: LessonViewProps) {
  const { enrollment, module, lessons, lesson, progress } = data;
  const base = `/belajar/${enrollment.id}/${lesson.id}`;
  const completed = new Set(progress.completedLessonIds);
  return (
    <Layout ctx={ctx} title={`${lesson.title} · ${module.title}`}>
      <p class="muted">
        <a href="/belajar">Belajar Saya</a>
      </p>
      <h1>{module.title}</h1>
      <section id="progres" aria-label="Kemajuan belajar">
        <ProgressBar progress={progress} id="progres-modul" />
        {enrollment.status === EnrollmentStatus.COMPLETED && <CompletionPanel certificateCode={enrollment.certificateCode} />}
      </section>
      {/* The lesson first: on a phone the list of lessons follows it; on a wide screen it stands beside it. */}
      <div class="layout aside-end">
        <article aria-labelledby="judul-pelajaran">
          <h2 id="judul-pelajaran">{`Pelajaran ${lesson.position}: ${lesson.title}`}</h2>
          <ul class="meta">
            <li>{LESSON_KIND_LABELS[lesson.kind]}</li>
            <li>{formatDuration(lesson.durationMinutes)}</li>
          </ul>
          <LessonContent lesson={lesson} />
          <div id="selesaikan">
            {lesson.questions ? (
              <>
                {data.latestAttempt && <QuizResult attempt={data.latestAttempt} passPercent={lesson.passPercent} />}
                {quiz?.errors._form && (
                  <p class="notice bad" role="alert">
                    {quiz.errors._form}
                  </p>
                )}
                {!completed.has(lesson.id) && <QuizForm ctx={ctx} action={`${base}/kuis`} lesson={lesson} chosen={quiz?.chosen} errors={quiz?.errors} />}
              </>
            ) : (
              !completed.has(lesson.id) && (
                <form method="post" action={`${base}/selesai`} data-enhance="#progres,#pelajaran,#selesaikan">
                  <CsrfField ctx={ctx} />
                  <button type="submit">Tandai selesai</button>
                </form>
              )
            )}
            {completed.has(lesson.id) && <p class="done">✓ Pelajaran ini sudah selesai.</p>}
            {data.nextLessonId && data.nextLessonId !== lesson.id && (
              <p>
                <a href={`/belajar/${enrollment.id}/${data.nextLessonId}`}>Pelajaran berikutnya yang belum selesai</a>
              </p>
            )}
          </div>
        </article>
        <nav id="pelajaran" aria-labelledby="judul-daftar">
          <h2 id="judul-daftar">Daftar pelajaran</h2>
          <ol class="lesson-nav">
            {lessons.map((item) => (
              <li key={item.id}>
                <a href={`/belajar/${enrollment.id}/${item.id}`} aria-current={item.id === lesson.id ? 'page' : undefined}>
                  {item.title}
                </a>
                {completed.has(item.id) && <span class="done"> ✓ Selesai</span>}
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <RatingForm ctx={ctx} enrollmentId={enrollment.id} lessonId={lesson.id} review={data.review} values={rating?.values} errors={rating?.errors} />
    </Layout>
  );
}

function CompletionPanel({ certificateCode }: { certificateCode: string | null }) {
  return (
    <div class="notice ok">
      <h2>Modul selesai</h2>
      <p>Semua pelajaran sudah Anda selesaikan.</p>
      {certificateCode && (
        <p>
          {'Kode sertifikat Anda: '}
          <strong>{certificateCode}</strong>
          {'. '}
          <a href={`/sertifikat/${encodeURIComponent(certificateCode)}`}>Periksa sertifikat</a>
        </p>
      )}
    </div>
  );
}
