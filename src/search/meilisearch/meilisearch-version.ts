/**
 * The oldest Meilisearch this adapter works with: 1.4.0. What sets it:
 * `faceting.sortFacetValuesBy` (1.3), and filter values unescaped by the
 * `unescaper` crate (1.3.3; before, `\\` in a quoted value stayed two
 * backslashes). The swap payload is sent without `rename`, which every 1.x
 * accepts (servers before 1.18 refuse the field with 400 `bad_request`).
 */
export const MINIMUM_MEILISEARCH_VERSION = '1.4.0';

/** The server is older than the minimum: the API refuses to start against it. */
export class MeilisearchVersionError extends Error {
  constructor(readonly serverVersion: string) {
    super(`Meilisearch ${serverVersion} is older than ${MINIMUM_MEILISEARCH_VERSION}, the oldest version this API supports: upgrade Meilisearch`);
    this.name = 'MeilisearchVersionError';
  }
}

/** Throws MeilisearchVersionError when `pkgVersion` (GET /version) is older than the minimum. */
export function checkMeilisearchVersion(pkgVersion: string): void {
  if (compareVersions(pkgVersion, MINIMUM_MEILISEARCH_VERSION) < 0) throw new MeilisearchVersionError(pkgVersion);
}

/** Compares major.minor.patch; a pre-release suffix (1.18.0-rc.1) counts as its release. */
export function compareVersions(a: string, b: string): number {
  const [left, right] = [a, b].map((version) => {
    const parts = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
    if (!parts) throw new Error(`Unrecognised Meilisearch version "${version}"`);
    return parts.slice(1).map(Number);
  });
  return left[0] - right[0] || left[1] - right[1] || left[2] - right[2];
}
