import { RatingMeanRefresh } from '../../src/ratings/rating-mean-refresh';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, Beneficiary, enroll, RATE_MODULE, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

const BY_RATING = `query($input: SearchModulesInput!) { searchModules(input: $input) { hits { module { id ratingScore } } } }`;

jest.setTimeout(120_000);

describe('Module.ratingScore and the RATING sort', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const rate = async (learner: Beneficiary, moduleId: string, rating: number) => {
    const res = await t.gql(RATE_MODULE, { input: { moduleId, rating } }, learner.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  const learners = (count: number) => Promise.all(Array.from({ length: count }, () => registerBeneficiaryWithCard(t)));
  const scoreOf = async (id: string): Promise<number | null> =>
    (await t.gql(`query($id: ID!) { module(id: $id) { ratingScore } }`, { id })).data!.module.ratingScore;
  const ratingOrder = async (ids: string[]) => {
    const res = await t.gql(BY_RATING, { input: { sort: 'RATING', pageSize: 100 } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return (res.data!.searchModules.hits as { module: { id: string } }[]).map((hit) => hit.module.id).filter((id) => ids.includes(id));
  };

  it('keeps rating_sum and rating_count exact under concurrent ratings and re-ratings', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const raters = await learners(24);
    await Promise.all(raters.map((learner) => enroll(t, learner.token, module.id)));
    await Promise.all(raters.map((learner, i) => rate(learner, module.id, 1 + (i % 5))));
    // Each changes their mind twice at once: the same beneficiary's ratings queue up on their enrollment's lock.
    await Promise.all(raters.flatMap((learner, i) => [rate(learner, module.id, 5 - (i % 5)), rate(learner, module.id, 1 + ((i + 2) % 5))]));
    const [row] = await t.db.query(
      `SELECT m.rating_sum, m.rating_count, (SELECT sum(rating)::int FROM reviews WHERE module_id = m.id) AS sum, (SELECT count(*)::int FROM reviews WHERE module_id = m.id) AS count
         FROM modules m WHERE m.id = $1`,
      [module.id],
    );
    expect(row.rating_count).toBe(24);
    expect({ sum: row.rating_sum, count: row.rating_count }).toEqual({ sum: row.sum, count: row.count });
  });

  it('one 5-star review does not outrank many 4.8s once the mean of all ratings is refreshed', async () => {
    const [single, many, low, unrated] = await Promise.all([0, 1, 2, 3].map(() => publishedModule(t, owner.token, curator.token)));
    const raters = await learners(10);
    await Promise.all(raters.flatMap((learner) => [many, low].map((module) => enroll(t, learner.token, module.id))));
    await enroll(t, raters[0].token, single.id);
    await rate(raters[0], single.id, 5);
    // Nine 5s and a 3 (average 4.8); ten 1s pull the mean of all ratings down.
    await Promise.all(raters.map((learner, i) => rate(learner, many.id, i === 0 ? 3 : 5)));
    await Promise.all(raters.map((learner) => rate(learner, low.id, 1)));

    expect(await t.app.get(RatingMeanRefresh).refresh()).toBe(true);
    const [{ mean }] = await t.db.query(`SELECT mean FROM rating_mean`);
    const [{ exact }] = await t.db.query(`SELECT sum(rating_sum)::float8 / sum(rating_count) AS exact FROM modules WHERE status = 'PUBLISHED'`);
    expect(mean).toBeCloseTo(exact, 10);
    const score = (sum: number, count: number) => (10 * mean + sum) / (10 + count);
    expect(await scoreOf(single.id)).toBeCloseTo(score(5, 1), 10);
    expect(await scoreOf(many.id)).toBeCloseTo(score(48, 10), 10);
    expect(await scoreOf(unrated.id)).toBeNull();
    expect(score(48, 10)).toBeGreaterThan(score(5, 1));

    // The sort follows once the documents carry the refreshed scores (the sync of the last ratings may land after the rebuild).
    const ids = [single.id, many.id, low.id, unrated.id];
    await pollUntil(async () => ((await ratingOrder(ids)).join() === [many.id, single.id, low.id, unrated.id].join() ? true : undefined), 10_000, 'the RATING order');
    const hits = (await t.gql(BY_RATING, { input: { sort: 'RATING', pageSize: 100 } })).data!.searchModules.hits as { module: { id: string; ratingScore: number | null } }[];
    expect(hits.find((hit) => hit.module.id === many.id)!.module.ratingScore).toBeCloseTo(score(48, 10), 10);
  });

  it('leaves rating_mean and the index alone when the mean has not moved', async () => {
    const refresh = t.app.get(RatingMeanRefresh);
    await refresh.refresh();
    expect(await refresh.refresh()).toBe(false);
  });
});
