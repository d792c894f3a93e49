import type { Pool } from 'pg';
import type { GraphQLClient } from '../bench/load/graphql-client';
import { forEachConcurrently } from '../bench/scenarios/accounts';
import { categoryCountViolations, InvariantTarget, ledgerViolations, moduleCounterViolations } from '../support/invariants';
import type { AcceptedWrites, World } from './world';

type Db = InvariantTarget['db'];

/** One invariant and the rows (or answers) that break it; none means it holds. */
export interface CheckOutcome {
  name: string;
  checked: string;
  violations: string[];
}

const FIND = `query($query: String!) { searchModules(input: { query: $query, pageSize: 10 }) { hits { module { id enrollmentCount } } } }`;
const NOTIFYING_ACTIONS = ['APPROVE', 'REQUEST_CHANGES', 'REJECT', 'UNPUBLISH'];

/** The SQL and API invariants of test/support/invariants.ts, on the load test's database and API process. */
export function invariantTarget(pool: Pool, client: GraphQLClient): InvariantTarget {
  return {
    db: { query: async <T>(sql: string, parameters?: unknown) => (await pool.query(sql, parameters as unknown[] | undefined)).rows as T },
    gql: async (query, variables, token) => ({ status: 200, ...(await client.request(query, variables, token)) }) as never,
  };
}

/** Every check run once the load has drained (background work settled is checked before, by the caller). */
export async function afterLoadChecks(target: InvariantTarget, world: Pick<World, 'beneficiaries' | 'modules' | 'accepted'>): Promise<CheckOutcome[]> {
  const sampleTokens = world.beneficiaries.slice(0, 50).map((user) => user.token);
  return [
    { name: 'ledger: balance = sum of entries = latest balance_after, never negative (SQL and myWallet)', checked: `${world.beneficiaries.length} wallets`, violations: await ledgerViolations(target, sampleTokens) },
    { name: 'module counters equal their rows (SQL and module(id))', checked: 'every module', violations: await moduleCounterViolations(target) },
    { name: 'category counts equal their PUBLISHED modules (SQL and categories)', checked: 'every category', violations: await categoryCountViolations(target) },
    ...(await acceptedWritesPresent(target.db, world.accepted)),
    await notificationsExactlyOnce(target.db),
    await indexAsClientsSeeIt(target, world),
  ];
}

/** Nothing the API answered with success is missing, and nothing is applied twice. */
async function acceptedWritesPresent(db: Db, accepted: AcceptedWrites): Promise<CheckOutcome[]> {
  const enrollments = new Map(
    (await db.query<{ id: string; beneficiary_id: string; module_id: string }[]>(`SELECT id, beneficiary_id, module_id FROM enrollments WHERE id = ANY($1::uuid[])`, [accepted.enrollments.map((e) => e.enrollmentId)])).map((row) => [row.id, row]),
  );
  const enrollmentViolations = accepted.enrollments
    .filter((e) => enrollments.get(e.enrollmentId)?.beneficiary_id !== e.userId || enrollments.get(e.enrollmentId)?.module_id !== e.moduleId)
    .map((e) => `enrollment ${e.enrollmentId} (user ${e.userId}, module ${e.moduleId}) was accepted but is not in the database`);

  const completed = new Set(
    (await db.query<{ key: string }[]>(`SELECT enrollment_id || '/' || lesson_id AS key FROM lesson_completions WHERE enrollment_id = ANY($1::uuid[])`, [accepted.completions.map((c) => c.enrollmentId)])).map((row) => row.key),
  );
  const completionViolations = accepted.completions.filter((c) => !completed.has(`${c.enrollmentId}/${c.lessonId}`)).map((c) => `lesson ${c.lessonId} of enrollment ${c.enrollmentId} was completed but is not recorded`);

  const modules = new Map(
    (await db.query<{ id: string; status: string }[]>(`SELECT id, status FROM modules WHERE id = ANY($1::uuid[])`, [[...accepted.createdModules.map((m) => m.id), ...accepted.decisions.map((d) => d.moduleId)]])).map((row) => [row.id, row.status]),
  );
  const events = new Set(
    (await db.query<{ key: string }[]>(`SELECT module_id || '/' || action AS key FROM moderation_events WHERE module_id = ANY($1::uuid[])`, [accepted.decisions.map((d) => d.moduleId)])).map((row) => row.key),
  );
  const moduleViolations = [
    ...accepted.createdModules.filter((m) => !modules.has(m.id)).map((m) => `module ${m.id} was created but is not in the database`),
    ...accepted.decisions
      .filter((d) => !events.has(`${d.moduleId}/${d.decision}`) || modules.get(d.moduleId) !== (d.decision === 'APPROVE' ? 'PUBLISHED' : 'CHANGES_REQUESTED'))
      .map((d) => `${d.decision} of module ${d.moduleId} was accepted; history ${events.has(`${d.moduleId}/${d.decision}`) ? 'has it' : 'lacks it'}, status ${modules.get(d.moduleId)}`),
  ];

  const references = [...new Set(accepted.spends.map((s) => s.reference))];
  const entries = new Map<string, { user_id: string; amount_idr: number; n: number }>(
    (
      await db.query<{ reference: string; user_id: string; amount_idr: number; n: number }[]>(
        `SELECT reference, min(user_id::text) AS user_id, min(amount_idr)::int AS amount_idr, count(*)::int AS n FROM ledger_entries WHERE kind = 'EXTERNAL_SPEND' AND reference = ANY($1) GROUP BY reference`,
        [references],
      )
    ).map((row) => [row.reference, row]),
  );
  const spendViolations = accepted.spends
    .filter((s) => !s.repeat)
    .filter((s) => entries.get(s.reference)?.n !== 1 || entries.get(s.reference)?.amount_idr !== -s.amountIdr || entries.get(s.reference)?.user_id !== s.userId)
    .map((s) => `spend ${s.reference} of Rp${s.amountIdr} was accepted; the ledger holds ${JSON.stringify(entries.get(s.reference) ?? 'nothing')}`);
  const repeats = accepted.spends.filter((s) => s.repeat).length;

  return [
    { name: 'accepted enrolments and lesson completions are recorded', checked: `${accepted.enrollments.length} enrolments, ${accepted.completions.length} completions`, violations: [...enrollmentViolations, ...completionViolations] },
    { name: 'accepted modules and curator decisions are recorded', checked: `${accepted.createdModules.length} modules, ${accepted.decisions.length} decisions`, violations: moduleViolations },
    { name: 'each accepted spend reference is one EXTERNAL_SPEND entry (repeats add nothing)', checked: `${references.length} references, ${repeats} deliberate repeats`, violations: spendViolations },
  ];
}

/** Every notification the committed history calls for exists once, for the right user; no dedupe key twice. */
async function notificationsExactlyOnce(db: Db): Promise<CheckOutcome> {
  const duplicates = await db.query<{ dedupe_key: string; n: number }[]>(`SELECT dedupe_key, count(*)::int AS n FROM notifications GROUP BY dedupe_key HAVING count(*) > 1`);
  const [decisions] = await db.query<{ expected: number; missing: number }[]>(
    `SELECT count(*)::int AS expected,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = 'moderation-event:' || e.id AND n.user_id = m.contributor_id))::int AS missing
       FROM moderation_events e JOIN modules m ON m.id = e.module_id WHERE e.action = ANY($1)`,
    [NOTIFYING_ACTIONS],
  );
  const [exhaustions] = await db.query<{ expected: number; missing: number }[]>(
    `SELECT count(*)::int AS expected,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = 'credit-exhausted:' || l.id AND n.user_id = l.user_id AND n.kind = 'CREDIT_EXHAUSTED'))::int AS missing
       FROM ledger_entries l WHERE l.balance_after_idr < 1 AND l.balance_after_idr - l.amount_idr >= 1`,
  );
  return {
    name: 'notifications: every decision and every exhaustion notified once, no dedupe key twice',
    checked: `${decisions.expected} curator decisions, ${exhaustions.expected} exhaustions`,
    violations: [
      ...duplicates.map((row) => `dedupe key ${row.dedupe_key} is held by ${row.n} notifications`),
      ...(decisions.missing > 0 ? [`${decisions.missing} of ${decisions.expected} curator decisions have no notification to the module's owner`] : []),
      ...(exhaustions.missing > 0 ? [`${exhaustions.missing} of ${exhaustions.expected} exhaustions have no CREDIT_EXHAUSTED notification`] : []),
    ],
  };
}

/**
 * The index as clients see it: each module approved during the load is found
 * by its own word, each sent back for changes is not, and each module enrolled
 * in answers its current enrollment count from the index document.
 */
async function indexAsClientsSeeIt(t: InvariantTarget, world: Pick<World, 'modules' | 'accepted'>): Promise<CheckOutcome> {
  const enrolled = new Set(world.accepted.enrollments.map((e) => e.moduleId));
  const tagged = world.modules.filter((module) => enrolled.has(module.id));
  const counts = new Map(
    (await t.db.query<{ id: string; enrollment_count: number; status: string }[]>(`SELECT id, enrollment_count, status FROM modules WHERE id = ANY($1::uuid[])`, [[...tagged.map((m) => m.id), ...world.accepted.decisions.map((d) => d.moduleId)]])).map(
      (row) => [row.id, row],
    ),
  );
  const probes = [
    ...world.accepted.decisions.map((d) => ({ id: d.moduleId, word: d.word, published: counts.get(d.moduleId)?.status === 'PUBLISHED', enrollmentCount: undefined as number | undefined })),
    ...tagged.map((m) => ({ id: m.id, word: m.word, published: counts.get(m.id)?.status === 'PUBLISHED', enrollmentCount: counts.get(m.id)?.enrollment_count })),
  ];
  const violations: string[] = [];
  await forEachConcurrently(probes.length, 4, async (i) => {
    const probe = probes[i];
    const answer = await t.gql<{ searchModules: { hits: { module: { id: string; enrollmentCount: number } }[] } }>(FIND, { query: probe.word });
    const hit = answer.data?.searchModules.hits.find((candidate) => candidate.module.id === probe.id);
    if (answer.errors?.length) violations.push(`searching "${probe.word}" failed: ${answer.errors[0].message}`);
    else if (probe.published && !hit) violations.push(`module ${probe.id} is PUBLISHED but searching its word "${probe.word}" does not find it`);
    else if (!probe.published && hit) violations.push(`module ${probe.id} is not PUBLISHED but searching "${probe.word}" finds it`);
    else if (hit && probe.enrollmentCount !== undefined && hit.module.enrollmentCount !== probe.enrollmentCount) {
      violations.push(`module ${probe.id} has ${probe.enrollmentCount} enrollments; its search hit says ${hit.module.enrollmentCount}`);
    }
  });
  return { name: 'search answers equal the database (approved found, sent back not found, enrollment counts current)', checked: `${probes.length} modules searched by their own word`, violations };
}
