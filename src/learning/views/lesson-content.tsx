import { LessonKind } from '../../catalog/module-status';
import { proseHtml } from '../../web/render';
import { LessonView } from '../lesson-page-data';

const LINK_TEXT: Partial<Record<LessonKind, string>> = {
  [LessonKind.VIDEO]: 'Tonton video',
  [LessonKind.DOWNLOAD]: 'Unduh materi',
  [LessonKind.LIVE_SESSION]: 'Buka sesi langsung',
};

/**
 * The URL when it is an absolute http(s) one, else null. The catalog's input
 * already refuses other schemes; this holds for rows written any other way.
 */
export function webUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A lesson's material: its link (video, download, live session) and its body as the catalog's sanitised HTML. */
export function LessonContent({ lesson }: { lesson: LessonView }) {
  const linkText = LINK_TEXT[lesson.kind];
  const href = webUrl(lesson.contentUrl);
  return (
    <>
      {linkText &&
        (href ? (
          <p>
            <a class="btn" href={href} rel="noopener noreferrer">
              {linkText}
            </a>{' '}
            <span class="muted">(membuka situs lain)</span>
          </p>
        ) : (
          <p class="muted">Tautan materi belum tersedia.</p>
        ))}
      {lesson.bodyHtml && <div class="prose" dangerouslySetInnerHTML={proseHtml(lesson.bodyHtml, 2)} />}
    </>
  );
}
