import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { QueueName } from '../../src/queue/jobs';
import { SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { pollUntil } from './poll';
import { TestApp } from './test-app';

/** What the SQL and API checks need: a database and a GraphQL client (a TestApp, or the load test's API process). */
export interface InvariantTarget {
  db: Pick<DataSource, 'query'>;
  gql: TestApp['gql'];
}

export interface InvariantOptions {
  /** Beneficiaries whose wallets are also read through the API (myWallet). */
  beneficiaryTokens?: string[];
  /** How long background work (outbox, queues, index) may take to settle. */
  timeoutMs?: number;
}

/**
 * Checks, once background work has settled, that the state is consistent:
 * no job gave up, every wallet equals its ledger, module and category
 * counters equal their rows, and the search index holds exactly the
 * PUBLISHED modules at their versions. Read in SQL and through the API.
 * Throws one error listing every violation.
 */
export async function assertInvariants(t: TestApp, options: InvariantOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const violations = [
    ...(await backgroundWorkSettled(t, timeoutMs)),
    ...(await ledgerViolations(t, options.beneficiaryTokens ?? [])),
    ...(await moduleCounterViolations(t)),
    ...(await categoryCountViolations(t)),
    ...(await searchIndexViolations(t, timeoutMs)),
  ];
  if (violations.length > 0) throw new Error(`Invariants violated:\n- ${violations.join('\n- ')}`);
}

/** Waits for the outbox (and BullMQ's queues) to empty; a job that gave up is a violation, not "done". */
export async function backgroundWorkSettled(t: TestApp, timeoutMs: number): Promise<string[]> {
  const violations = await outboxSettled(t.db, timeoutMs);
  const config = t.app.get<AppConfig>(APP_CONFIG);
  if (config.redisUrl) violations.push(...(await bullMqSettled(config.redisUrl, config.queuePrefix, timeoutMs)));
  return violations;
}

/** Waits for the outbox to drain; rows still pending at the deadline, and rows that gave up, are violations. */
export async function outboxSettled(db: Pick<DataSource, 'query'>, timeoutMs: number): Promise<string[]> {
  const pending = () => db.query(`SELECT id, job, attempts, last_error FROM outbox_events WHERE done_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT 20`);
  try {
    await pollUntil(async () => ((await pending()).length === 0 ? true : undefined), timeoutMs, 'the outbox to drain');
  } catch {
    const stuck: { id: string; job: string; attempts: number; last_error: string | null }[] = await pending();
    return stuck.map((row) => `outbox row ${row.id} (${row.job}) still pending after ${timeoutMs} ms, ${row.attempts} attempts: ${row.last_error}`);
  }
  const failedRows: { id: string; job: string; last_error: string | null }[] = await db.query(`SELECT id, job, last_error FROM outbox_events WHERE failed_at IS NOT NULL ORDER BY id`);
  return failedRows.map((row) => `outbox row ${row.id} (${row.job}) gave up: ${row.last_error}`);
}

export async function bullMqSettled(redisUrl: string, prefix: string, timeoutMs: number): Promise<string[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix }));
  try {
    await pollUntil(
      async () => {
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
          const delayed = await queue.getDelayed();
          // Job schedulers (the daily reconciliation) always keep their next run delayed; outbox jobs must not wait.
          if (Object.values(counts).some((count) => count > 0) || delayed.some((job) => job.id?.startsWith('outbox-'))) return undefined;
        }
        return true;
      },
      timeoutMs,
      'the BullMQ queues to empty',
    );
    const violations: string[] = [];
    for (const queue of queues) {
      for (const job of await queue.getFailed()) violations.push(`BullMQ job ${job.name} ${job.id} failed: ${job.failedReason}`);
    }
    return violations;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
}

/** Every balance equals the sum of its entries and its latest balance_after, and none is negative (SQL and myWallet). */
export async function ledgerViolations(t: InvariantTarget, beneficiaryTokens: string[]): Promise<string[]> {
  const rows: { user_id: string; balance_idr: number; sum_idr: number; last_after_idr: number | null; negative_entries: number }[] = await t.db.query(
    `SELECT w.user_id, w.balance_idr, coalesce(s.sum_idr, 0)::int AS sum_idr, s.negative_entries, last.balance_after_idr AS last_after_idr
       FROM wallets w
       LEFT JOIN (SELECT user_id, sum(amount_idr) AS sum_idr, count(*) FILTER (WHERE balance_after_idr < 0)::int AS negative_entries
                    FROM ledger_entries GROUP BY user_id) s ON s.user_id = w.user_id
       LEFT JOIN LATERAL (SELECT balance_after_idr FROM ledger_entries l WHERE l.user_id = w.user_id ORDER BY seq DESC LIMIT 1) last ON true
      WHERE w.balance_idr <> coalesce(s.sum_idr, 0) OR last.balance_after_idr IS DISTINCT FROM w.balance_idr
         OR w.balance_idr < 0 OR s.negative_entries > 0`,
  );
  const violations = rows.map((row) => `wallet ${row.user_id}: balance ${row.balance_idr}, sum of entries ${row.sum_idr}, latest balance_after ${row.last_after_idr}, negative entries ${row.negative_entries}`);
  for (const token of beneficiaryTokens) {
    const res = await t.gql(`{ me { id } myWallet { balanceIdr } }`, undefined, token);
    // A token ended by the fuzzing (logout, password change) cannot read its wallet; SQL covers it.
    if (res.errors) continue;
    const [{ sum }] = await t.db.query(`SELECT coalesce(sum(amount_idr), 0)::int AS sum FROM ledger_entries WHERE user_id = $1`, [res.data!.me.id]);
    if (res.data!.myWallet.balanceIdr !== sum) violations.push(`myWallet of ${res.data!.me.id} says ${res.data!.myWallet.balanceIdr}, its entries sum to ${sum}`);
  }
  return violations;
}

/** enrollment_count, completion_count, rating_sum and rating_count equal the rows they count (SQL and module(id)). */
export async function moduleCounterViolations(t: InvariantTarget): Promise<string[]> {
  const rows: { id: string; status: string; enrollment_count: number; enrollments: number; completion_count: number; completions: number; rating_sum: number; ratings_sum: number; rating_count: number; ratings: number }[] =
    await t.db.query(
      `SELECT m.id, m.status, m.enrollment_count, coalesce(e.enrollments, 0)::int AS enrollments, m.completion_count, coalesce(e.completions, 0)::int AS completions,
              m.rating_sum, coalesce(r.ratings_sum, 0)::int AS ratings_sum, m.rating_count, coalesce(r.ratings, 0)::int AS ratings
         FROM modules m
         LEFT JOIN (SELECT module_id, count(*) AS enrollments, count(*) FILTER (WHERE status = 'COMPLETED') AS completions FROM enrollments GROUP BY module_id) e ON e.module_id = m.id
         LEFT JOIN (SELECT module_id, sum(rating) AS ratings_sum, count(*) AS ratings FROM reviews GROUP BY module_id) r ON r.module_id = m.id`,
    );
  const violations: string[] = [];
  for (const row of rows) {
    if (row.enrollment_count !== row.enrollments || row.completion_count !== row.completions || row.rating_sum !== row.ratings_sum || row.rating_count !== row.ratings) {
      violations.push(
        `module ${row.id}: enrollment_count ${row.enrollment_count}/${row.enrollments} rows, completion_count ${row.completion_count}/${row.completions}, rating_sum ${row.rating_sum}/${row.ratings_sum}, rating_count ${row.rating_count}/${row.ratings}`,
      );
    }
  }
  for (const row of rows.filter((candidate) => candidate.status === 'PUBLISHED').slice(0, 50)) {
    const res = await t.gql(`query($id: ID!) { module(id: $id) { enrollmentCount completionCount ratingCount } }`, { id: row.id });
    const seen = res.data?.module;
    if (!seen || seen.enrollmentCount !== row.enrollments || seen.completionCount !== row.completions || seen.ratingCount !== row.ratings) {
      violations.push(`module(id: ${row.id}) answers ${JSON.stringify(seen ?? res.errors)}, rows say ${row.enrollments} enrollments, ${row.completions} completions, ${row.ratings} ratings`);
    }
  }
  return violations;
}

/** Each category's count equals its PUBLISHED modules (SQL and categories { moduleCount }). */
export async function categoryCountViolations(t: InvariantTarget): Promise<string[]> {
  const rows: { slug: string; published_module_count: number; published: number }[] = await t.db.query(
    `SELECT c.slug, c.published_module_count, (SELECT count(*)::int FROM modules m WHERE m.category_id = c.id AND m.status = 'PUBLISHED') AS published FROM categories c`,
  );
  const violations = rows.filter((row) => row.published_module_count !== row.published).map((row) => `category ${row.slug}: count ${row.published_module_count}, ${row.published} PUBLISHED modules`);
  const res = await t.gql(`{ categories { slug moduleCount } }`);
  const answered = new Map<string, number>((res.data?.categories ?? []).map((category: { slug: string; moduleCount: number }) => [category.slug, category.moduleCount]));
  for (const row of rows) {
    if (answered.get(row.slug) !== row.published) violations.push(`categories answers ${answered.get(row.slug)} for ${row.slug}, ${row.published} PUBLISHED modules`);
  }
  return violations;
}

/** The index holds exactly the PUBLISHED modules at their versions, once the sync has caught up; searchModules counts them. */
export async function searchIndexViolations(t: TestApp, timeoutMs: number): Promise<string[]> {
  const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
  const differences = async () => {
    const rows: { id: string; version: number }[] = await t.db.query(`SELECT id, version FROM modules WHERE status = 'PUBLISHED'`);
    const indexed = await engine.indexedVersions();
    const wanted = new Map(rows.map((row) => [row.id, row.version]));
    return [
      ...[...wanted].filter(([id, version]) => indexed.get(id) !== version).map(([id, version]) => `module ${id} v${version} is PUBLISHED, the index holds ${indexed.has(id) ? `v${indexed.get(id)}` : 'nothing'}`),
      ...[...indexed.keys()].filter((id) => !wanted.has(id)).map((id) => `the index holds ${id}, which is not PUBLISHED`),
    ];
  };
  try {
    await pollUntil(async () => ((await differences()).length === 0 ? true : undefined), timeoutMs, 'the search index to equal the database');
  } catch {
    return differences();
  }
  const [{ published }] = await t.db.query(`SELECT count(*)::int AS published FROM modules WHERE status = 'PUBLISHED'`);
  const res = await t.gql(`{ searchModules(input: { query: "", pageSize: 1 }) { totalHits } }`);
  return res.data?.searchModules?.totalHits === published ? [] : [`searchModules finds ${JSON.stringify(res.data?.searchModules?.totalHits ?? res.errors)} modules, ${published} are PUBLISHED`];
}
