import { createCurator, registerBeneficiary, registerContributor } from '../factories/accounts';
import { CREATE_MODULE, moduleInput, REVIEW_MODULE, SUBMIT_MODULE, UPDATE_MODULE } from '../factories/modules';
import { startTestApp, TestApp } from '../support/test-app';

const HISTORY = `query($id: ID!) { module(id: $id) { status version moderationHistory { action fromStatus toStatus note actor { id } } } }`;

describe('the moderation story, through GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
  });
  afterAll(() => t.close());

  it('write, submit, request changes, edit, resubmit, approve: public, with every step in its history', async () => {
    const contributor = await registerContributor(t);
    const curator = await createCurator(t);
    const beneficiary = await registerBeneficiary(t);

    const created = await t.gql(CREATE_MODULE, { input: moduleInput({ title: 'Strategi Jualan Online di Marketplace' }) }, contributor.token);
    expect(created.errors).toBeUndefined();
    const module = created.data!.createModule;
    expect(module).toMatchObject({ status: 'DRAFT', version: 1, slug: 'strategi-jualan-online-di-marketplace', durationMinutes: 35 });

    // Not public yet: NOT_FOUND for anyone else.
    const hidden = await t.gql(`query($id: ID!) { module(id: $id) { id } }`, { id: module.id }, beneficiary.token);
    expect(hidden.errors![0].extensions.code).toBe('NOT_FOUND');

    const submitted = await t.gql(SUBMIT_MODULE, { id: module.id }, contributor.token);
    expect(submitted.data!.submitModule).toMatchObject({ status: 'IN_REVIEW', version: 2 });

    const queue = await t.gql(`{ moderationQueue { totalCount nodes { id status } } }`, {}, curator.token);
    expect(queue.data!.moderationQueue.nodes).toEqual([{ id: module.id, status: 'IN_REVIEW' }]);

    const note = 'Tambahkan contoh toko dan perbaiki ringkasan.';
    const changes = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: 2, decision: 'REQUEST_CHANGES', note } }, curator.token);
    expect(changes.data!.reviewModule).toMatchObject({ status: 'CHANGES_REQUESTED', version: 3 });

    const edited = await t.gql(UPDATE_MODULE, { input: { id: module.id, expectedVersion: 3, summary: 'Ringkasan baru: cara membuka toko online di marketplace dengan contoh.' } }, contributor.token);
    expect(edited.data!.updateModule).toMatchObject({ status: 'CHANGES_REQUESTED', version: 4, slug: module.slug });

    const resubmitted = await t.gql(SUBMIT_MODULE, { id: module.id }, contributor.token);
    expect(resubmitted.data!.submitModule).toMatchObject({ status: 'IN_REVIEW', version: 5 });

    const approved = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: 5, decision: 'APPROVE' } }, curator.token);
    expect(approved.data!.reviewModule).toMatchObject({ status: 'PUBLISHED', version: 6 });
    expect(approved.data!.reviewModule.publishedAt).toEqual(expect.any(String));

    const publicView = await t.gql(`query($slug: String!) { module(slug: $slug) { id status moderationHistory { action } lessons { contentUrl body } } }`, { slug: module.slug });
    expect(publicView.data!.module).toEqual({ id: module.id, status: 'PUBLISHED', moderationHistory: [], lessons: [{ contentUrl: null, body: null }, { contentUrl: null, body: null }] });

    const history = await t.gql(HISTORY, { id: module.id }, contributor.token);
    expect(history.data!.module.moderationHistory).toEqual([
      { action: 'SUBMIT', fromStatus: 'DRAFT', toStatus: 'IN_REVIEW', note: null, actor: { id: contributor.id } },
      { action: 'REQUEST_CHANGES', fromStatus: 'IN_REVIEW', toStatus: 'CHANGES_REQUESTED', note, actor: { id: curator.id } },
      { action: 'SUBMIT', fromStatus: 'CHANGES_REQUESTED', toStatus: 'IN_REVIEW', note: null, actor: { id: contributor.id } },
      { action: 'APPROVE', fromStatus: 'IN_REVIEW', toStatus: 'PUBLISHED', note: null, actor: { id: curator.id } },
    ]);

    const categories = await t.gql(`{ categories { slug moduleCount } }`);
    expect(categories.data!.categories).toHaveLength(16);
    expect(categories.data!.categories.find((c: { slug: string }) => c.slug === 'penjualan-pemasaran').moduleCount).toBe(1);

    // Editing the published module sends a pending revision to review, recorded as EDIT_PUBLISHED; the module stays PUBLISHED.
    const republished = await t.gql(
      `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { status version slug title pendingRevision { status title } } }`,
      { input: { id: module.id, expectedVersion: 6, title: 'Strategi Jualan Online di Marketplace 2026' } },
      contributor.token,
    );
    expect(republished.data!.updateModule).toMatchObject({
      status: 'PUBLISHED',
      version: 7,
      slug: module.slug,
      title: 'Strategi Jualan Online di Marketplace',
      pendingRevision: { status: 'IN_REVIEW', title: 'Strategi Jualan Online di Marketplace 2026' },
    });
    const after = await t.gql(HISTORY, { id: module.id }, curator.token);
    expect(after.data!.module.moderationHistory.at(-1)).toMatchObject({ action: 'EDIT_PUBLISHED', fromStatus: 'PUBLISHED', toStatus: 'IN_REVIEW' });

    // The database refuses to rewrite history, whatever the application does.
    await expect(t.db.query(`UPDATE moderation_events SET note = 'diubah'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM moderation_events`)).rejects.toThrow(/append-only/);
  });

  it('shows curators the automatic check findings: near-duplicates, missing content, banned words', async () => {
    const contributor = await registerContributor(t);
    const curator = await createCurator(t);
    const original = await t.gql(CREATE_MODULE, { input: moduleInput({ title: 'Budidaya Ikan Lele Sistem Bioflok', categorySlug: 'pertanian-perikanan' }) }, contributor.token);
    await t.gql(SUBMIT_MODULE, { id: original.data!.createModule.id }, contributor.token);

    const copy = await t.gql(
      CREATE_MODULE,
      {
        input: moduleInput({
          title: 'Budidaya Ikan Lele Sistem Bioflok!',
          categorySlug: 'pertanian-perikanan',
          description: 'Modul ini juga membahas cara cepat kaya lewat slot gacor, jangan ditiru ya teman-teman semua.',
          lessons: [{ title: 'Catatan kosong', kind: 'ARTICLE', durationMinutes: 5 }],
        }),
      },
      contributor.token,
    );
    const submitted = await t.gql(SUBMIT_MODULE, { id: copy.data!.createModule.id }, contributor.token);
    const codes = submitted.data!.submitModule.moderationChecks.map((c: { code: string }) => c.code);
    expect(codes.sort()).toEqual(['BANNED_WORDS', 'MISSING_CONTENT', 'NEAR_DUPLICATE']);
    const duplicate = submitted.data!.submitModule.moderationChecks.find((c: { code: string }) => c.code === 'NEAR_DUPLICATE');
    expect(duplicate.relatedModuleIds).toEqual([original.data!.createModule.id]);

    const queue = await t.gql(`{ moderationQueue { nodes { id moderationChecks { code } } } }`, {}, curator.token);
    const queued = queue.data!.moderationQueue.nodes.map((n: { id: string }) => n.id);
    expect(queued.filter((id: string) => [original.data!.createModule.id, copy.data!.createModule.id].includes(id))).toEqual([original.data!.createModule.id, copy.data!.createModule.id]);
  });

  it('pages the queue oldest first with cursors', async () => {
    const contributor = await registerContributor(t);
    const curator = await createCurator(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await t.gql(CREATE_MODULE, { input: moduleInput() }, contributor.token);
      await t.gql(SUBMIT_MODULE, { id: created.data!.createModule.id }, contributor.token);
      ids.push(created.data!.createModule.id);
    }
    const all = await t.gql(`{ moderationQueue(first: 100) { nodes { id } } }`, {}, curator.token);
    const order = all.data!.moderationQueue.nodes.map((n: { id: string }) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(`query($after: String) { moderationQueue(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after }, curator.token);
      seen.push(...page.data.moderationQueue.nodes.map((n: { id: string }) => n.id));
      after = page.data.moderationQueue.pageInfo.hasNextPage ? page.data.moderationQueue.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(order);
    expect(order.slice(-3)).toEqual(ids);
  });
});
