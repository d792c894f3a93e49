import { VerifiedCompletion1764890000000 } from '../../migrations/1764890000000-verified-completion';
import { CERTIFICATE_ALPHABET, CERTIFICATE_CODE } from '../../src/certificates/certificate-code';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, enroll, lessonIdsOf, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { from, HttpAnswer, postGraphQL } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { valid moduleTitle moduleSlug contributorName learnerName completedAt quizzesPassed quizzesTotal } }`;
const COMPLETE = `mutation($e: ID!, $l: ID!) { completeLesson(enrollmentId: $e, lessonId: $l) { id status completedAt certificateCode } }`;
const INVALID = { valid: false, moduleTitle: null, moduleSlug: null, contributorName: null, learnerName: null, completedAt: null, quizzesPassed: 0, quizzesTotal: 0 };
const PER_MINUTE = 5;

let addresses = 0;
/** A client address no other test uses (the throttle's counters outlive a test). */
const newAddress = () => `203.0.113.${++addresses}`;

jest.setTimeout(60_000);

describe('certificates', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN_ENV, TRUST_PROXY: 'loopback', VERIFY_CERTIFICATE_PER_ADDRESS_PER_MINUTE: String(PER_MINUTE) });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const verify = (code: string, address = newAddress()): Promise<HttpAnswer> => postGraphQL(t, { query: VERIFY, variables: { code } }, from(address));
  const verified = async (code: string) => {
    const answer = await verify(code);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.verifyCertificate;
  };

  /** A beneficiary who completed a fresh module: their enrollment as completeLesson answered. */
  async function completedEnrollment(displayName = 'Siti Rahmawati') {
    const module = await publishedModule(t, owner.token, curator.token);
    const learner = await registerBeneficiaryWithCard(t, { displayName });
    const enrollment = await enroll(t, learner.token, module.id);
    let last: Record<string, any> = {};
    for (const lessonId of await lessonIdsOf(t, learner.token, module.id)) {
      const res = await t.gql(COMPLETE, { e: enrollment.id, l: lessonId }, learner.token);
      expect(res.errors).toBeUndefined();
      last = res.data!.completeLesson;
    }
    return { module, learner, enrollment: last };
  }

  it('issues a code when the enrollment completes, and verifies it with what stood at completion', async () => {
    const { module, learner, enrollment } = await completedEnrollment('Siti Rahmawati');
    expect(enrollment.status).toBe('COMPLETED');
    expect(enrollment.certificateCode).toMatch(CERTIFICATE_CODE);
    const mine = await t.gql(`{ myEnrollments { nodes { id certificateCode } } }`, {}, learner.token);
    expect(mine.data!.myEnrollments.nodes).toEqual([{ id: enrollment.id, certificateCode: enrollment.certificateCode }]);

    // The learner's name as it stood at completion, whatever it becomes.
    await t.db.query(`UPDATE users SET display_name = 'Nama Baru' WHERE id = $1`, [learner.id]);
    const [{ title, slug, contributor }] = await t.db.query(
      `SELECT m.title, m.slug, coalesce(u.organization_name, u.display_name) AS contributor FROM modules m JOIN users u ON u.id = m.contributor_id WHERE m.id = $1`,
      [module.id],
    );
    expect(await verified(enrollment.certificateCode)).toEqual({
      valid: true,
      moduleTitle: title,
      moduleSlug: slug,
      contributorName: contributor,
      learnerName: 'Siti Rahmawati',
      completedAt: enrollment.completedAt,
      quizzesPassed: 0,
      quizzesTotal: 0,
    });
  });

  it('has no code while the enrollment is ACTIVE, and the database refuses a COMPLETED enrollment without one', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const learner = await registerBeneficiaryWithCard(t);
    const { id } = await enroll(t, learner.token, module.id);
    const mine = await t.gql(`{ myEnrollments { nodes { id status certificateCode } } }`, {}, learner.token);
    expect(mine.data!.myEnrollments.nodes).toEqual([{ id, status: 'ACTIVE', certificateCode: null }]);

    const done = await completedEnrollment();
    await expect(t.db.query(`UPDATE enrollments SET certificate_code = NULL WHERE id = $1`, [done.enrollment.id])).rejects.toThrow(/enrollments_certificate_when_completed/);
  });

  it('reads a code in any case, spacing, without dashes, and with the look-alikes O, I, L for 0, 1, 1', async () => {
    const { enrollment } = await completedEnrollment();
    // A stored code holding 0 and 1, to type them as their look-alikes.
    const code = '0A1B-C0D1-EF10';
    await t.db.query(`UPDATE enrollments SET certificate_code = $2 WHERE id = $1`, [enrollment.id, code]);
    for (const typed of [code, code.toLowerCase(), ' 0a1b c0d1 ef10 ', '0A1BC0D1EF10', 'OA1B-COD1-EF1O', 'oAlB-cOdi-EFIO', '0a1b - c0d1 - ef10']) {
      expect({ typed, valid: (await verified(typed)).valid }).toEqual({ typed, valid: true });
    }
  });

  it('answers valid: false, the same answer every time, for unknown, malformed and too long codes', async () => {
    const unknown = ['ZZZZ-ZZZZ-ZZZZ', 'zzzzzzzzzzzz', '0000-0000-0000'];
    const malformed = ['', '   ', 'ABC', 'UUUU-UUUU-UUUU', 'ABCD-EFGH-JKM', 'ABCD-EFGH-JKMNP', "' OR 1=1 --", '𝒜𝒜𝒜𝒜-𝒜𝒜𝒜𝒜-𝒜𝒜𝒜𝒜', 'A'.repeat(65), 'A'.repeat(100_000)];
    for (const code of [...unknown, ...malformed]) {
      const answer = await verify(code);
      expect({ code: code.slice(0, 20), status: answer.status, body: answer.body }).toEqual({ code: code.slice(0, 20), status: 200, body: { data: { verifyCertificate: INVALID } } });
    }
  });

  it('throttles checks per client address, valid or not, with RATE_LIMITED and retryAfterSeconds', async () => {
    const { enrollment } = await completedEnrollment();
    const address = newAddress();
    for (let i = 0; i < PER_MINUTE; i++) {
      const answer = await verify(i % 2 ? enrollment.certificateCode : 'ZZZZ-ZZZZ-ZZZZ', address);
      expect(answer.body.errors).toBeUndefined();
    }
    for (const code of [enrollment.certificateCode, 'ZZZZ-ZZZZ-ZZZZ']) {
      const refused = await verify(code, address);
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another address is counted apart.
    expect((await verify(enrollment.certificateCode)).body.data.verifyCertificate.valid).toBe(true);
  });

  it('draws codes from the alphabet, evenly and without repeats', async () => {
    const rows: { code: string }[] = await t.db.query(`SELECT certificate_code() AS code FROM generate_series(1, 3000)`);
    const codes = rows.map((row) => row.code);
    expect(codes.every((code) => CERTIFICATE_CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    // 36,000 characters over 32 symbols: about 1,125 each; every symbol well inside 900..1,350.
    const counts = new Map<string, number>();
    for (const char of codes.join('').replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe(CERTIFICATE_ALPHABET);
    for (const count of counts.values()) expect(count).toBeGreaterThan(900), expect(count).toBeLessThan(1_350);
  });

  it('gives the enrollments completed before the migration their codes (the migration run again)', async () => {
    const { enrollment } = await completedEnrollment('Budi Santoso');
    const runner = t.db.createQueryRunner();
    try {
      const migration = new VerifiedCompletion1764890000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [row] = await t.db.query(`SELECT certificate_code, certificate_learner_name, certificate_quizzes_total FROM enrollments WHERE id = $1`, [enrollment.id]);
    expect(row.certificate_code).toMatch(CERTIFICATE_CODE);
    expect(row.certificate_code).not.toBe(enrollment.certificateCode);
    expect(row).toMatchObject({ certificate_learner_name: 'Budi Santoso', certificate_quizzes_total: 0 });
    expect((await verified(row.certificate_code)).learnerName).toBe('Budi Santoso');
  });
});
