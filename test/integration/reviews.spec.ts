import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, countWrites, enroll, RATE_MODULE, registerBeneficiaryWithCard } from '../factories/learning';
import { createModule, publishedModule } from '../factories/modules';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const REVIEWS = `query($moduleId: ID!, $first: Int, $after: String) { moduleReviews(moduleId: $moduleId, first: $first, after: $after) { id rating comment createdAt author { id displayName email } module { id } } }`;
const RATING = `query($id: ID!) { module(id: $id) { version ratingAverage ratingCount } }`;

describe('rateModule and moduleReviews', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  it('lets an enrolled beneficiary rate once; a second rating replaces the first and the average stays exact', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const [ani, budi] = [await registerBeneficiaryWithCard(t), await registerBeneficiaryWithCard(t)];
    await enroll(t, ani.token, module.id);
    await enroll(t, budi.token, module.id);

    const first = await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 2, comment: '  Kurang contoh.  ' } }, ani.token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.rateModule).toMatchObject({ rating: 2, comment: 'Kurang contoh.', author: { id: ani.id }, module: { id: module.id, ratingAverage: 2, ratingCount: 1 } });
    await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 5 } }, budi.token);
    const replaced = await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 4, comment: 'Setelah diulang, bagus.' } }, ani.token);
    expect(replaced.data!.rateModule.id).toBe(first.data!.rateModule.id);

    // (4 + 5) / 2; counters never bump the version.
    expect((await t.gql(RATING, { id: module.id })).data!.module).toEqual({ version: module.version, ratingAverage: 4.5, ratingCount: 2 });
    const reviews = (await t.gql(REVIEWS, { moduleId: module.id })).data!.moduleReviews;
    expect(reviews.map((r: { rating: number; author: { id: string } }) => [r.author.id, r.rating])).toEqual([
      [ani.id, 4],
      [budi.id, 5],
    ]);
    // Authors' emails stay private.
    expect(reviews.every((r: { author: { email: string | null } }) => r.author.email === null)).toBe(true);
    const [{ rating_sum, rating_count }] = await t.db.query(`SELECT rating_sum, rating_count FROM modules WHERE id = $1`, [module.id]);
    expect({ rating_sum, rating_count }).toEqual({ rating_sum: 9, rating_count: 2 });
  });

  it('refuses a rating without enrollment (FORBIDDEN) and ratings 0 or 6 (BAD_USER_INPUT), writing nothing', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const enrolled = await registerBeneficiaryWithCard(t);
    const outsider = await registerBeneficiaryWithCard(t);
    await enroll(t, enrolled.token, module.id);

    const before = await countWrites(t.db);
    expect(errorCode(await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 5 } }, outsider.token))).toBe('FORBIDDEN');
    for (const rating of [0, 6]) {
      const res = await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating } }, enrolled.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['rating']);
    }
    const long = await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 3, comment: 'x'.repeat(2001) } }, enrolled.token);
    expect(long.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['comment']);
    expect(errorCode(await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 5 } }, owner.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RATE_MODULE, { input: { moduleId: '00000000-0000-4000-8000-000000000000', rating: 5 } }, enrolled.token))).toBe('NOT_FOUND');
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('stores comments as written and serves them as safe Markdown', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const beneficiary = await registerBeneficiaryWithCard(t);
    await enroll(t, beneficiary.token, module.id);
    const res = await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 3, comment: 'Bagus <script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>' } }, beneficiary.token);
    expect(res.data!.rateModule.comment).toBe('Bagus &lt;script>alert(1)&lt;/script> [klik](#) &lt;img src=x onerror=alert(1)>');
    const [stored] = await t.db.query(`SELECT comment FROM reviews WHERE id = $1`, [res.data!.rateModule.id]);
    expect(stored.comment).toBe('Bagus <script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>');
  });

  it('pages reviews newest first (after = the last review id) and answers NOT_FOUND for modules that are not PUBLISHED', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const authors = [];
    for (let i = 0; i < 5; i++) {
      const beneficiary = await registerBeneficiaryWithCard(t);
      await enroll(t, beneficiary.token, module.id);
      await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 1 + i } }, beneficiary.token);
      authors.unshift(beneficiary.id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.gql(REVIEWS, { moduleId: module.id, first: 2, after });
      expect(page.errors).toBeUndefined();
      const reviews = page.data.moduleReviews;
      seen.push(...reviews.map((r: { author: { id: string } }) => r.author.id));
      if (reviews.length < 2) break;
      after = reviews.at(-1).id;
    }
    expect(seen).toEqual(authors);
    expect(errorCode(await t.gql(REVIEWS, { moduleId: module.id, after: 'not-a-review' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(REVIEWS, { moduleId: module.id, first: 101 }))).toBe('BAD_USER_INPUT');

    const draft = await createModule(t, owner.token);
    expect(errorCode(await t.gql(REVIEWS, { moduleId: draft.id }))).toBe('NOT_FOUND');
  });
});
