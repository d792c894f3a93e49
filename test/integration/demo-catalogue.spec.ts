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

  it('carries quizzes graded on the server in some modules (Bahasa Indonesia), their correct options hidden from the public', async () => {
    const [{ graded, modules }] = await t.db.query(
      `SELECT count(*)::int AS graded, count(DISTINCT module_id)::int AS modules FROM lessons WHERE kind = 'QUIZ' AND questions IS NOT NULL AND pass_percent = 70`,
    );
    expect(modules).toBeGreaterThanOrEqual(50);
    expect(graded).toBe(modules);
    const [{ slug }] = await t.db.query(`SELECT m.slug FROM modules m JOIN lessons l ON l.module_id = m.id WHERE l.questions IS NOT NULL ORDER BY m.slug LIMIT 1`);
    const res = await t.gql(`query($slug: String!) { module(slug: $slug) { lessons { kind passPercent questions { prompt } } } }`, { slug });
    const quiz = res.data!.module.lessons.find((lesson: { kind: string }) => lesson.kind === 'QUIZ');
    expect(quiz).toEqual({ kind: 'QUIZ', passPercent: 70, questions: null });
    const [{ questions }] = await t.db.query(`SELECT l.questions FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.slug = $1 AND l.kind = 'QUIZ'`, [slug]);
    expect(questions[0]).toMatchObject({ id: expect.any(String), prompt: 'Manakah yang termasuk materi modul ini?', correctOptions: [expect.any(Number)] });
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
