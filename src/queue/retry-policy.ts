/**
 * How a failing job is retried, in both dispatchers: 0.5 s doubling to a
 * minute between attempts, given up after MAX_ATTEMPTS. The cap keeps a job
 * at most a minute behind once its dependency is back; the attempts make the
 * pipeline ride out an outage of GIVE_UP_AFTER_MS (about 23 minutes).
 */
export const MAX_ATTEMPTS = 30;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 60_000;

/** The wait after the `attempt`-th failure (1-based). */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/** Seconds, for the relay's SQL: least(max, first * 2^(attempts so far)). */
export const RETRY_SQL_PARAMS = { firstSeconds: FIRST_DELAY_MS / 1000, maxSeconds: MAX_DELAY_MS / 1000 };

/** The shortest time from a job's first failure to its giving up: the sum of the waits between its attempts. */
export const GIVE_UP_AFTER_MS = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((sum, delay) => sum + delay, 0);
