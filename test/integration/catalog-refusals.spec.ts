import { createCurator, registerBeneficiary, registerContributor, Account } from '../factories/accounts';
import { countWrites } from '../factories/learning';
import { CREATE_MODULE, createModule, lessonInput, moduleInput, publishedModule, REVIEW_MODULE, SUBMIT_MODULE, UPDATE_MODULE } from '../factories/modules';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/** Bad input gets a clear error and writes nothing. */
describe('catalogue and moderation refusals', () => {
  let t: TestApp;
  let owner: Account;
  let other: Account;
  let curator: Account;
  let beneficiary: Account;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
    owner = await registerContributor(t);
    other = await registerContributor(t);
    curator = await createCurator(t);
    beneficiary = await registerBeneficiary(t);
  });
  afterAll(() => t.close());

  /**
   * Runs `call`, expects `code`, and checks that no table changed. Notifications are left out: jobs of
   * earlier approvals may write theirs meanwhile; a refusal that queued one would show as an outbox row.
   */
  async function refused(code: string, call: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
    const before = await countWrites(t.db);
    const snapshot = await t.db.query(`SELECT id, status, version, title, summary FROM modules ORDER BY id`);
    const res = await call();
    expect(errorCode(res)).toBe(code);
    expect(await countWrites(t.db)).toEqual(before);
    expect(await t.db.query(`SELECT id, status, version, title, summary FROM modules ORDER BY id`)).toEqual(snapshot);
    return res;
  }

  it.each([
    ['price 2', { priceIdr: 2 }],
    ['price -1', { priceIdr: -1 }],
    ['price 0.5', { priceIdr: 0.5 }],
    ['price missing', { priceIdr: undefined }],
  ])('refuses %s as BAD_USER_INPUT on priceIdr', async (_label, override) => {
    const res = await refused('BAD_USER_INPUT', () => t.gql(CREATE_MODULE, { input: moduleInput(override) }, owner.token));
    expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['priceIdr']);
  });

  it.each([
    ['a title too short', { title: 'Pendek' }, 'title'],
    ['a title too long', { title: 'x'.repeat(121) }, 'title'],
    ['a summary too short', { summary: 'Singkat sekali' }, 'summary'],
    ['no skills', { skills: [] }, 'skills'],
    ['no lessons', { lessons: [] }, 'lessons'],
    ['a video lesson without contentUrl', { lessons: [lessonInput({ contentUrl: null })] }, 'lessons.0.contentUrl'],
    ['a javascript: contentUrl', { lessons: [lessonInput({ contentUrl: 'javascript:alert(1)' })] }, 'lessons.0.contentUrl'],
    ['a lesson of 601 minutes', { lessons: [lessonInput({ durationMinutes: 601 })] }, 'lessons.0.durationMinutes'],
    ['an unknown category', { categorySlug: 'tidak-ada' }, 'categorySlug'],
  ])('refuses %s with BAD_USER_INPUT on %s', async (_label, override, field) => {
    const res = await refused('BAD_USER_INPUT', () => t.gql(CREATE_MODULE, { input: moduleInput(override) }, owner.token));
    expect(res.errors![0].extensions.fields!.map((f) => f.field)).toContain(field);
  });

  it('refuses createModule without a token (UNAUTHENTICATED) and for other roles (FORBIDDEN)', async () => {
    await refused('UNAUTHENTICATED', () => t.gql(CREATE_MODULE, { input: moduleInput() }));
    await refused('FORBIDDEN', () => t.gql(CREATE_MODULE, { input: moduleInput() }, beneficiary.token));
    await refused('FORBIDDEN', () => t.gql(CREATE_MODULE, { input: moduleInput() }, curator.token));
  });

  it('refuses each role-restricted mutation to the wrong role', async () => {
    const draft = await createModule(t, owner.token);
    await refused('FORBIDDEN', () => t.gql(SUBMIT_MODULE, { id: draft.id }, curator.token));
    await refused('FORBIDDEN', () => t.gql(REVIEW_MODULE, { input: { moduleId: draft.id, expectedVersion: 1, decision: 'APPROVE' } }, owner.token));
    await refused('FORBIDDEN', () => t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "melanggar aturan") { id } }`, { id: draft.id }, beneficiary.token));
    await refused('FORBIDDEN', () => t.gql(`{ moderationQueue { totalCount } }`, {}, owner.token));
    await refused('FORBIDDEN', () => t.gql(`{ myModules { totalCount } }`, {}, curator.token));
    await refused('FORBIDDEN', () => t.gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: { email: 'x@example.id', password: 'rahasia-kurator', displayName: 'Calon' } }, curator.token));
  });

  it("refuses another contributor's module: FORBIDDEN when published, NOT_FOUND when they cannot see it", async () => {
    const draft = await createModule(t, owner.token);
    const published = await publishedModule(t, owner.token, curator.token);
    await refused('NOT_FOUND', () => t.gql(UPDATE_MODULE, { input: { id: draft.id, expectedVersion: 1, title: 'Judul diambil alih orang lain' } }, other.token));
    await refused('NOT_FOUND', () => t.gql(SUBMIT_MODULE, { id: draft.id }, other.token));
    await refused('NOT_FOUND', () => t.gql(`mutation($id: ID!) { archiveModule(id: $id) { id } }`, { id: draft.id }, other.token));
    await refused('FORBIDDEN', () => t.gql(UPDATE_MODULE, { input: { id: published.id, expectedVersion: published.version, title: 'Judul diambil alih orang lain' } }, other.token));
    await refused('FORBIDDEN', () => t.gql(`mutation($id: ID!) { archiveModule(id: $id) { id } }`, { id: published.id }, other.token));
    const read = await t.gql(`query($id: ID!) { module(id: $id) { id } }`, { id: draft.id }, other.token);
    expect(errorCode(read)).toBe('NOT_FOUND');
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const draft = await createModule(t, owner.token);
    await t.gql(UPDATE_MODULE, { input: { id: draft.id, expectedVersion: 1, title: 'Judul kedua yang cukup panjang' } }, owner.token);
    await refused('CONFLICT', () => t.gql(UPDATE_MODULE, { input: { id: draft.id, expectedVersion: 1, title: 'Judul ketiga yang cukup panjang' } }, owner.token));
    const submitted = await t.gql(SUBMIT_MODULE, { id: draft.id }, owner.token);
    await refused('CONFLICT', () => t.gql(REVIEW_MODULE, { input: { moduleId: draft.id, expectedVersion: submitted.data!.submitModule.version - 1, decision: 'APPROVE' } }, curator.token));
  });

  it('refuses illegal status moves with CONFLICT', async () => {
    const draft = await createModule(t, owner.token);
    await refused('CONFLICT', () => t.gql(REVIEW_MODULE, { input: { moduleId: draft.id, expectedVersion: 1, decision: 'APPROVE' } }, curator.token));
    await refused('CONFLICT', () => t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "tidak layak tayang") { id } }`, { id: draft.id }, curator.token));
    const submitted = await t.gql(SUBMIT_MODULE, { id: draft.id }, owner.token);
    await refused('CONFLICT', () => t.gql(SUBMIT_MODULE, { id: draft.id }, owner.token));
    await refused('CONFLICT', () => t.gql(UPDATE_MODULE, { input: { id: draft.id, expectedVersion: submitted.data!.submitModule.version, title: 'Diubah saat sedang ditinjau' } }, owner.token));
    const archived = await t.gql(`mutation($id: ID!) { archiveModule(id: $id) { status } }`, { id: draft.id }, owner.token);
    expect(archived.data!.archiveModule.status).toBe('ARCHIVED');
    await refused('CONFLICT', () => t.gql(`mutation($id: ID!) { archiveModule(id: $id) { id } }`, { id: draft.id }, owner.token));
  });

  it.each(['REJECT', 'REQUEST_CHANGES'])('refuses %s without a 10+ character note (BAD_USER_INPUT)', async (decision) => {
    const draft = await createModule(t, owner.token);
    const submitted = await t.gql(SUBMIT_MODULE, { id: draft.id }, owner.token);
    const version = submitted.data!.submitModule.version;
    for (const note of [undefined, 'pendek']) {
      const res = await refused('BAD_USER_INPUT', () => t.gql(REVIEW_MODULE, { input: { moduleId: draft.id, expectedVersion: version, decision, note } }, curator.token));
      expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['note']);
    }
  });

  it('stores descriptions and lesson bodies as written, and serves them made safe', async () => {
    const description = 'Pengantar <script>alert("curi")</script>modul. [Klik](javascript:alert(1)) <img src="https://contoh.id/a.png" onerror="alert(1)"> selesai.';
    const body = '<a href="javascript:void(0)" onclick="x()">tautan</a> bacaan';
    const created = await t.gql(
      `mutation($input: ModuleInput!) { createModule(input: $input) { id description descriptionHtml lessons { body bodyHtml } } }`,
      {
        input: moduleInput({ description, lessons: [lessonInput({ kind: 'ARTICLE', contentUrl: null, body })] }),
      },
      owner.token,
    );
    expect(created.errors).toBeUndefined();
    const served = created.data!.createModule;
    const [row] = await t.db.query(`SELECT description FROM modules WHERE id = $1`, [served.id]);
    expect(row.description).toBe(description);
    const [lesson] = await t.db.query(`SELECT body FROM lessons WHERE module_id = $1`, [served.id]);
    expect(lesson.body).toBe(body);
    expect(served.description).toBe('Pengantar &lt;script>alert("curi")&lt;/script>modul. [Klik](#) &lt;img src="https://contoh.id/a.png" onerror="alert(1)"> selesai.');
    expect(served.descriptionHtml).toBe(
      '<p>Pengantar &lt;script&gt;alert("curi")&lt;/script&gt;modul. [Klik](javascript:alert(1)) &lt;img src="https://contoh.id/a.png" onerror="alert(1)"&gt; selesai.</p>\n',
    );
    expect(served.lessons[0]).toEqual({ body: '&lt;a href="javascript:void(0)" onclick="x()">tautan&lt;/a> bacaan', bodyHtml: '<p>&lt;a href="javascript:void(0)" onclick="x()"&gt;tautan&lt;/a&gt; bacaan</p>\n' });
  });

  it('keeps lesson content from the public and shows it to owner and curators', async () => {
    const published = await publishedModule(t, owner.token, curator.token);
    const query = `query($id: ID!) { module(id: $id) { lessons { contentUrl } } }`;
    const urls = async (token?: string) => (await t.gql(query, { id: published.id }, token)).data!.module.lessons.map((l: { contentUrl: string | null }) => l.contentUrl);
    expect(await urls()).toEqual([null, null]);
    expect(await urls(beneficiary.token)).toEqual([null, null]);
    expect((await urls(owner.token))[0]).toMatch(/^https:/);
    expect((await urls(curator.token))[0]).toMatch(/^https:/);
  });

  it('keeps slugs unique and stable', async () => {
    const first = await createModule(t, owner.token, { title: 'Dasar Microsoft Excel untuk Administrasi' });
    const second = await createModule(t, other.token, { title: 'Dasar Microsoft Excel untuk Administrasi' });
    expect(first.slug).toBe('dasar-microsoft-excel-untuk-administrasi');
    expect(second.slug).toMatch(/^dasar-microsoft-excel-untuk-administrasi-[0-9a-f]{6}$/);
    const renamed = await t.gql(UPDATE_MODULE, { input: { id: first.id, expectedVersion: 1, title: 'Excel Lanjutan untuk Staf Administrasi' } }, owner.token);
    expect(renamed.data!.updateModule.slug).toBe(first.slug);
  });

  it('hides contributor emails from other users', async () => {
    const published = await publishedModule(t, owner.token, curator.token);
    const res = await t.gql(`query($id: ID!) { module(id: $id) { contributor { id email } } }`, { id: published.id }, beneficiary.token);
    expect(res.data!.module.contributor).toEqual({ id: owner.id, email: null });
  });
});
