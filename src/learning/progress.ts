import { EnrollmentStatus } from './enrollment.entity';

/** Whether `completed` of `total` lessons completes the enrollment. */
export const completesModule = (completed: number, total: number): boolean => total > 0 && completed >= total;

/**
 * Completed lessons over all lessons, 0..100, rounded down so that 100 means
 * every lesson. A COMPLETED enrollment stays at 100 even if the owner later
 * adds lessons (completion is not taken back).
 */
export function progressPercent(status: EnrollmentStatus, completed: number, total: number): number {
  if (status === EnrollmentStatus.COMPLETED) return 100;
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((completed * 100) / total)));
}

/**
 * The lesson to continue with: the first one not completed after `from` (in
 * lesson order, wrapping round to the start), or from the start without
 * `from`; null when every lesson is completed.
 */
export function nextUnfinishedLesson(lessonIds: readonly string[], completed: ReadonlySet<string>, from?: string): string | null {
  const start = from === undefined ? 0 : lessonIds.indexOf(from) + 1;
  const ordered = [...lessonIds.slice(start), ...lessonIds.slice(0, start)];
  return ordered.find((id) => !completed.has(id)) ?? null;
}
