import { startTestApp, TestApp } from '../support/test-app';

describe('the demo catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  it('loads 300+ published modules with lessons across all 16 categories on an empty database', async () => {
    const res = await t.gql(`{ categories { slug moduleCount } }`);
    const counts = res.data!.categories.map((c: { moduleCount: number }) => c.moduleCount);
    expect(counts).toHaveLength(16);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(300);
    const [{ without }] = await t.db.query(`SELECT count(*)::int AS without FROM modules m WHERE NOT EXISTS (SELECT 1 FROM lessons l WHERE l.module_id = m.id)`);
    expect(without).toBe(0);
    const [{ bad }] = await t.db.query(`SELECT count(*)::int AS bad FROM modules WHERE status <> 'PUBLISHED' OR price_idr NOT IN (0, 1)`);
    expect(bad).toBe(0);
  });

  it('reads a demo module by slug, with its contributor and history', async () => {
    const [{ slug }] = await t.db.query(`SELECT slug FROM modules ORDER BY published_at DESC LIMIT 1`);
    const res = await t.gql(`query($slug: String!) { module(slug: $slug) { title status contributor { displayName } lessons { title } category { name moduleCount } } }`, { slug });
    expect(res.data!.module.status).toBe('PUBLISHED');
    expect(res.data!.module.contributor.displayName.length).toBeGreaterThan(2);
    expect(res.data!.module.lessons.length).toBeGreaterThanOrEqual(3);
    expect(res.data!.module.category.moduleCount).toBeGreaterThanOrEqual(10);
  });
});
