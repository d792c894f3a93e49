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
