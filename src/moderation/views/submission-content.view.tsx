import { DELIVERY_MODE_LABELS, languageLabel, LESSON_KIND_LABELS, LEVEL_LABELS } from '../../catalog/views/labels';
import { webUrl } from '../../learning/views/lesson-content';
import { formatDuration, formatPrice } from '../../web/format';
import { proseHtml } from '../../web/render';
import { ReviewLesson, ReviewPageModel } from '../moderation-page-data';

/** A submission in full for curators: facts, the description and each lesson's content, quiz answers included. */
export function SubmissionContent({ page }: { page: ReviewPageModel }) {
  const { module } = page;
  return (
    <>
      <p>{module.summary}</p>
      <dl class="facts">
        <dt>Kategori</dt>
        <dd>{page.categoryName}</dd>
        <dt>Keterampilan</dt>
        <dd>{module.skills.length > 0 ? module.skills.join(', ') : 'Tidak diisi'}</dd>
        <dt>Tingkat</dt>
        <dd>{LEVEL_LABELS[module.level]}</dd>
        <dt>Bahasa</dt>
        <dd>{languageLabel(module.language)}</dd>
        <dt>Cara belajar</dt>
        <dd>{DELIVERY_MODE_LABELS[module.deliveryMode]}</dd>
        <dt>Harga</dt>
        <dd>{formatPrice(module.priceIdr)}</dd>
        <dt>Sertifikat</dt>
        <dd>{module.certificate ? 'Ada sertifikat' : 'Tanpa sertifikat'}</dd>
        <dt>Durasi</dt>
        <dd>{formatDuration(module.durationMinutes)}</dd>
      </dl>
      <h3>Deskripsi</h3>
      <div class="prose" dangerouslySetInnerHTML={proseHtml(page.descriptionHtml, 3)} />
      <h3>Pelajaran</h3>
      {page.lessons.length === 0 ? (
        <p class="muted">Belum ada pelajaran.</p>
      ) : (
        <ol class="review-lessons">
          {page.lessons.map((lesson) => (
            <LessonInFull key={lesson.id} lesson={lesson} />
          ))}
        </ol>
      )}
    </>
  );
}

function LessonInFull({ lesson }: { lesson: ReviewLesson }) {
  const href = webUrl(lesson.contentUrl);
  return (
    <li>
      <h4>{lesson.title}</h4>
      <p class="muted">
        {`${LESSON_KIND_LABELS[lesson.kind]} · ${formatDuration(lesson.durationMinutes)}`}
        {lesson.passPercent !== null && ` · nilai lulus ${lesson.passPercent}%`}
      </p>
      {lesson.contentUrl && (
        <p class="url">
          {'Alamat konten: '}
          {href ? (
            <a href={href} rel="nofollow noopener noreferrer">
              {lesson.contentUrl}
            </a>
          ) : (
            lesson.contentUrl
          )}
        </p>
      )}
      {lesson.bodyHtml && <div class="prose" dangerouslySetInnerHTML={proseHtml(lesson.bodyHtml, 4)} />}
      {lesson.questions && lesson.questions.length > 0 && (
        <ol class="quiz-answers">
          {lesson.questions.map((question) => (
            <li key={question.id}>
              <p>{question.prompt}</p>
              <ul>
                {question.options.map((option, index) => (
                  <li key={index}>
                    {option}
                    {question.correctOptions.includes(index) && <strong> (jawaban benar)</strong>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
