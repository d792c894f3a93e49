import { Progress } from '../learning.service';

/** "3 dari 5 pelajaran selesai" with a native progress bar named by that text. */
export function ProgressBar({ progress, id }: { progress: Progress; id: string }) {
  const textId = `${id}-teks`;
  return (
    <div class="progress">
      <p id={textId}>{`${progress.completedLessonIds.length} dari ${progress.lessonCount} pelajaran selesai`}</p>
      <progress max={100} value={progress.percent} aria-labelledby={textId}>{`${progress.percent}%`}</progress>
    </div>
  );
}
