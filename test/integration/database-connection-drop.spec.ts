import { Client } from 'pg';
import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, countWrites, ENROLL_LEAN, registerBeneficiaryWithCard, RECORD_SPEND_LEAN } from '../factories/learning';
import { createModule, publishedModule, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { assertInvariants } from '../support/invariants';
import { pollUntil } from '../support/poll';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Holds a row lock so the API's transaction waits on it mid-way, terminates
 * the API's backend while it waits, then lets go. Returns the mutation's answer.
 */
async function dropConnectionDuring(t: TestApp, lockSql: string, lockParams: unknown[], mutation: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const locker = new Client({ connectionString: t.databaseUrl });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(lockSql, lockParams);
    const answer = mutation();
    const { value: pid } = await pollUntil(
      async () => {
        // Inside the locker's transaction, pg_stat_activity is a snapshot until cleared.
        await locker.query(`SELECT pg_stat_clear_snapshot()`);
        const { rows } = await locker.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`);
        return rows[0]?.pid as number | undefined;
      },
      10_000,
      'the API to wait on the lock',
    );
    await locker.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await locker.query('ROLLBACK');
    return await answer;
  } finally {
    await locker.end();
  }
}

function expectRetryable(response: GraphQLResponse): void {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]).toMatchObject({ message: 'The database connection was lost during the request; retry it.', extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } });
}

(process.env.DATABASE_URL ? describe : describe.skip)('PostgreSQL connection dropped mid-transaction (PostgreSQL only: embedded PGlite has no backends to terminate)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
  });
  afterAll(() => t.close());

  it('enroll, recordCreditSpend and reviewModule: all or nothing, a retryable error, the pool recovers, invariants hold', async () => {
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const admin = await adminToken(t);
    const beneficiary = await registerBeneficiaryWithCard(t);
    const paid = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });

    // enroll: the enrollment and the wallet charge are written, then the module's counter waits on the lock.
    let before = await countWrites(t.db);
    expectRetryable(await dropConnectionDuring(t, `SELECT 1 FROM modules WHERE id = $1 FOR UPDATE`, [paid.id], () => t.gql(ENROLL_LEAN, { moduleId: paid.id }, beneficiary.token)));
    expect(await countWrites(t.db)).toEqual(before);
    const enrolled = await t.gql(ENROLL_LEAN, { moduleId: paid.id }, beneficiary.token);
    expect(enrolled.data?.enroll).toMatchObject({ status: 'ACTIVE', chargedIdr: 1 });

    // recordCreditSpend: waits on the wallet row.
    before = await countWrites(t.db);
    const spend = () => t.gql(RECORD_SPEND_LEAN, { input: { prakerjaCardNumber: beneficiary.card, amountIdr: 50_000, reference: 'drop-1' } }, admin);
    expectRetryable(await dropConnectionDuring(t, `SELECT 1 FROM wallets WHERE user_id = $1 FOR UPDATE`, [beneficiary.id], spend));
    expect(await countWrites(t.db)).toEqual(before);
    expect((await spend()).errors).toBeUndefined();

    // reviewModule: waits on the module row.
    const draft = await createModule(t, owner.token);
    const submitted = await t.gql(SUBMIT_MODULE, { id: draft.id }, owner.token);
    const review = () => t.gql(REVIEW_MODULE, { input: { moduleId: draft.id, expectedVersion: submitted.data!.submitModule.version, decision: 'APPROVE' } }, curator.token);
    before = await countWrites(t.db);
    expectRetryable(await dropConnectionDuring(t, `SELECT 1 FROM modules WHERE id = $1 FOR UPDATE`, [draft.id], review));
    expect(await countWrites(t.db)).toEqual(before);
    const [{ status }] = await t.db.query(`SELECT status FROM modules WHERE id = $1`, [draft.id]);
    expect(status).toBe('IN_REVIEW');
    expect((await review()).data?.reviewModule.status).toBe('PUBLISHED');

    await assertInvariants(t, { beneficiaryTokens: [beneficiary.token] });
  });
});
