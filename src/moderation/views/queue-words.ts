import { StoredModerationCheck } from '../../catalog/module.entity';

/** How long a submission has waited, in the largest whole unit: "3 hari", "5 jam", "kurang dari 1 menit". */
export function waitedFor(since: Date | string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(since).getTime()) / 60_000);
  if (minutes < 1) return 'kurang dari 1 menit';
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} jam` : `${Math.floor(hours / 24)} hari`;
}

const SHORT: Record<string, (check: StoredModerationCheck) => string> = {
  NEAR_DUPLICATE: (check) => `mirip ${check.relatedModuleIds.length} modul lain`,
  MISSING_CONTENT: () => 'ada pelajaran tanpa isi',
  BANNED_WORDS: () => 'memuat kata terlarang',
};

/** The automatic checks in a few Indonesian words for the queue (the review page gives the details). */
export function findingsInShort(checks: readonly StoredModerationCheck[]): string {
  if (checks.length === 0) return 'tidak ada';
  return checks.map((check) => SHORT[check.code]?.(check) ?? check.code).join('; ');
}
