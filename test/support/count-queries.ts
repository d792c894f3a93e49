import type { TestApp } from './test-app';

/**
 * Background work (the outbox relay, search sync and notification jobs of
 * earlier calls) may query while a request runs; these statements are theirs.
 */
const BACKGROUND_STATEMENTS = [/outbox_events/, /AS contributor_name/, /notifications/, /SELECT id, title FROM modules/];

/** The SQL statements the app runs for `work`, background jobs left out. */
export async function countQueries(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const logger = t.db.logger as { logQuery: (query: string, ...rest: unknown[]) => unknown };
  const original = logger.logQuery;
  const queries: string[] = [];
  logger.logQuery = function (query: string, ...rest: unknown[]) {
    if (!BACKGROUND_STATEMENTS.some((pattern) => pattern.test(query))) queries.push(query);
    return original.call(this, query, ...rest);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return queries;
}
