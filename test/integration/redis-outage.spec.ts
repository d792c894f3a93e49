import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, enroll, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { assertInvariants } from '../support/invariants';
import { RedisServer } from '../support/redis-server';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Redis killed (SIGKILL) and started again while contributors publish and
 * beneficiaries enrol: runs in both database modes, against a redis-server
 * of the test's own.
 */
describe('Redis down while contributors publish and beneficiaries enrol', () => {
  let redis: RedisServer;
  let t: TestApp;
  beforeAll(async () => {
    redis = await RedisServer.start();
    t = await startTestApp({ ...ADMIN_ENV, REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.close();
  });

  it('commits every mutation while Redis is down, loses nothing, and catches the index and notifications up exactly once', async () => {
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const beneficiaries = await Promise.all([registerBeneficiaryWithCard(t), registerBeneficiaryWithCard(t)]);
    const published: string[] = [];
    const round = async () => {
      const module = await publishedModule(t, owner.token, curator.token);
      published.push(module.id);
      for (const beneficiary of beneficiaries) expect((await enroll(t, beneficiary.token, module.id)).status).toBe('ACTIVE');
    };

    await round();
    await round();
    // Killed while jobs of the last round may still be queued or running.
    await redis.stop('SIGKILL');
    for (let i = 0; i < 3; i++) await round();
    const health = (await (await fetch(`${t.baseUrl}/health`)).json()) as { status: string; checks: Record<string, { status: string }> };
    expect([health.status, health.checks.redis.status]).toEqual(['ok', 'down']);
    const [{ waiting }] = await t.db.query(`SELECT count(*)::int AS waiting FROM outbox_events WHERE done_at IS NULL`);
    expect(waiting).toBeGreaterThan(0);

    await redis.restart();
    await assertInvariants(t, { beneficiaryTokens: beneficiaries.map((b) => b.token), timeoutMs: 60_000 });
    // Every approval told its owner exactly once; every enrolment counted once.
    const approvals: { module_id: string; n: number }[] = await t.db.query(
      `SELECT m AS module_id, count(*)::int AS n FROM notifications, unnest(module_ids) AS m WHERE user_id = $1 AND kind = 'MODULE_APPROVED' GROUP BY m`,
      [owner.id],
    );
    expect(new Map(approvals.map((row) => [row.module_id, row.n]))).toEqual(new Map(published.map((id) => [id, 1])));
    const counts: { enrollment_count: number }[] = await t.db.query(`SELECT enrollment_count FROM modules WHERE id = ANY($1)`, [published]);
    expect(counts.map((row) => row.enrollment_count)).toEqual(published.map(() => beneficiaries.length));
  }, 120_000);
});
