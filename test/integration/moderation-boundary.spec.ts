import { Account, createCurator, registerBeneficiary, registerContributor } from '../factories/accounts';
import { adminToken, ADMIN_ENV, enroll, outboxDrained, RATE_MODULE, registerBeneficiaryWithCard, recordSpend, REPORT_MODULE, waitForNotification } from '../factories/learning';
import { lessonInput, moduleInput, publishedModule, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const APPROVED = 'Menanam Cabai Rawit di Pekarangan Rumah';
const PENDING = 'Menanam Cabai Rawit Versi Revisi Belum Disetujui';
const PENDING_DESCRIPTION = 'Deskripsi revisi yang belum disetujui kurator, berisi janji keuntungan berlipat dalam seminggu.';
const PENDING_BODY = 'Isi pelajaran revisi yang belum disetujui.';

const MODULE_VIEW = `id title summary description descriptionHtml skills status lessons { id title body }`;
const BY_ID = `query($id: ID!) { module(id: $id) { ${MODULE_VIEW} pendingRevision { status title } } }`;
const BY_SLUG = `query($slug: String!) { module(slug: $slug) { ${MODULE_VIEW} } }`;
const MY_ENROLLMENTS = `{ myEnrollments(first: 50) { nodes { id progressPercent completedLessonIds module { ${MODULE_VIEW} pendingRevision { title } } } } }`;
const REVIEWS = `query($id: ID!) { moduleReviews(moduleId: $id) { comment module { ${MODULE_VIEW} } } }`;
const FREE_OPTIONS = `{ freeOptionsForMe(first: 20) { modules { id title summary } } }`;
const SEARCH = `query($q: String!) { searchModules(input: { query: $q, pageSize: 50 }) { hits { module { id title summary } highlight { title } } } }`;
const REPORT = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id module { id title summary description lessons { title } } } }`;
const REPORTS = `{ reports(first: 50) { nodes { module { id title summary } } } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id status version title pendingRevision { id status title description lessons { id title body } } } }`;
const QUEUE = `{ moderationQueue(first: 100) { nodes { id status pendingRevision { status title } } } }`;

/** Every text a path shows of the module, joined: what must not contain unapproved content. */
const texts = (value: unknown) => JSON.stringify(value);

describe('the moderation boundary: only approved content reaches learners and the public', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  const searchHits = async (query: string) => (await t.gql(SEARCH, { q: query })).data!.searchModules.hits as { module: { id: string; title: string } }[];

  /** Every path a learner, a reporter or the public reaches the module by, as `learner` (enrolled, reviewed) and `other` (not enrolled) see it. */
  async function everyPublicPath(moduleId: string, slug: string, learner: Account, other: Account) {
    const enrollments = (await t.gql(MY_ENROLLMENTS, {}, learner.token)).data!.myEnrollments.nodes.filter((n: { module: { id: string } }) => n.module.id === moduleId);
    return {
      anonymousById: (await t.gql(BY_ID, { id: moduleId })).data?.module,
      learnerById: (await t.gql(BY_ID, { id: moduleId }, learner.token)).data?.module,
      bySlug: (await t.gql(BY_SLUG, { slug }, other.token)).data?.module,
      enrollments,
      reviews: (await t.gql(REVIEWS, { id: moduleId })).data?.moduleReviews,
      freeOptions: (await t.gql(FREE_OPTIONS, {}, other.token)).data!.freeOptionsForMe.modules.filter((m: { id: string }) => m.id === moduleId),
      search: (await searchHits('cabai rawit')).filter((hit) => hit.module.id === moduleId),
      report: (await t.gql(REPORT, { input: { moduleId, reason: 'MISLEADING', details: 'Judul menyesatkan' } }, (await registerBeneficiary(t)).token)).data?.reportModule?.module,
    };
  }

  it('keeps an edit of a PUBLISHED module out of every path until approved; REQUEST_CHANGES and REJECT leave the public content', async () => {
    const module = await publishedModule(t, owner.token, curator.token, {
      title: APPROVED,
      lessons: [lessonInput({ title: 'Menyiapkan media tanam' }), lessonInput({ title: 'Merawat bibit cabai', kind: 'ARTICLE', contentUrl: null, body: 'Siram dua kali sehari.' })],
    });
    const learner = await registerBeneficiary(t);
    const other = await registerBeneficiaryWithCard(t);
    const enrollment = await enroll(t, learner.token, module.id);
    const [firstLesson, secondLesson] = (await t.gql(BY_ID, { id: module.id }, learner.token)).data!.module.lessons.map((l: { id: string }) => l.id);
    await t.gql(`mutation($e: ID!, $l: ID!) { completeLesson(enrollmentId: $e, lessonId: $l) { id } }`, { e: enrollment.id, l: firstLesson }, learner.token);
    expect((await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 5, comment: 'Sangat membantu' } }, learner.token)).errors).toBeUndefined();
    await pollUntil(async () => ((await searchHits('cabai rawit')).some((hit) => hit.module.id === module.id) ? true : undefined), 5_000, 'the module in search');

    // The owner edits the published module: a pending revision, the module stays PUBLISHED with its approved content.
    const edited = await t.gql(
      UPDATE,
      {
        input: {
          id: module.id,
          expectedVersion: module.version,
          title: PENDING,
          description: PENDING_DESCRIPTION,
          lessons: [lessonInput({ id: firstLesson, title: 'Menyiapkan media tanam' }), lessonInput({ id: secondLesson, title: 'Merawat bibit revisi', kind: 'ARTICLE', contentUrl: null, body: PENDING_BODY })],
        },
      },
      owner.token,
    );
    expect(edited.errors).toBeUndefined();
    const revision = edited.data!.updateModule;
    expect(revision).toMatchObject({ status: 'PUBLISHED', version: module.version + 1, title: APPROVED });
    expect(revision.pendingRevision).toMatchObject({ status: 'IN_REVIEW', title: PENDING, description: PENDING_DESCRIPTION });
    expect(revision.pendingRevision.lessons.map((l: { id: string }) => l.id)).toEqual([firstLesson, secondLesson]);

    // Credit exhaustion lists free options by title: the approved one.
    const card = other as Account & { card: string };
    await recordSpend(t, admin, card.card, 1_000_000, `spend-${card.card}`);
    await outboxDrained(t);

    const pending = await everyPublicPath(module.id, module.slug, learner, other);
    expect(pending.anonymousById).toMatchObject({ title: APPROVED, status: 'PUBLISHED', pendingRevision: null });
    expect(pending.learnerById).toMatchObject({ title: APPROVED, pendingRevision: null });
    expect(pending.learnerById.lessons[1]).toMatchObject({ title: 'Merawat bibit cabai', body: 'Siram dua kali sehari.' });
    expect(pending.bySlug.title).toBe(APPROVED);
    expect(pending.enrollments).toHaveLength(1);
    expect(pending.enrollments[0]).toMatchObject({ progressPercent: 50, completedLessonIds: [firstLesson], module: { title: APPROVED, pendingRevision: null } });
    expect(pending.reviews).toEqual([expect.objectContaining({ module: expect.objectContaining({ title: APPROVED }) })]);
    expect(pending.freeOptions).toEqual([expect.objectContaining({ title: APPROVED })]);
    expect(pending.search).toEqual([expect.objectContaining({ module: expect.objectContaining({ title: APPROVED }) })]);
    expect(pending.report).toMatchObject({ id: module.id, title: APPROVED });
    const exhausted = await waitForNotification(t, other.token, 'CREDIT_EXHAUSTED');
    expect(exhausted.message).toContain(APPROVED);
    for (const path of Object.values(pending)) {
      expect(texts(path)).not.toMatch(/Revisi Belum Disetujui|belum disetujui|Merawat bibit revisi/);
    }
    expect(texts((await t.gql(REPORTS, {}, curator.token)).data!.reports)).not.toContain(PENDING);
    expect(await searchHits('revisi belum disetujui')).toEqual([]);

    // Owner and curators see the revision; the queue lists the PUBLISHED module among the IN_REVIEW ones.
    expect((await t.gql(BY_ID, { id: module.id }, owner.token)).data!.module.pendingRevision).toEqual({ status: 'IN_REVIEW', title: PENDING });
    const queue = (await t.gql(QUEUE, {}, curator.token)).data!.moderationQueue.nodes;
    expect(queue).toContainEqual({ id: module.id, status: 'PUBLISHED', pendingRevision: { status: 'IN_REVIEW', title: PENDING } });

    // REQUEST_CHANGES keeps the public content; the owner edits the revision in place and sends it again.
    const note = 'Hapus janji keuntungan berlipat dari deskripsi.';
    const changes = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version + 1, decision: 'REQUEST_CHANGES', note } }, curator.token);
    expect(changes.data!.reviewModule).toMatchObject({ status: 'PUBLISHED', version: module.version + 2 });
    const ownerView = (await t.gql(`query($id: ID!) { module(id: $id) { title pendingRevision { status reviewNote } } }`, { id: module.id }, owner.token)).data!.module;
    expect(ownerView).toEqual({ title: APPROVED, pendingRevision: { status: 'CHANGES_REQUESTED', reviewNote: note } });
    expect((await waitForNotification(t, owner.token, 'CHANGES_REQUESTED')).moduleIds).toEqual([module.id]);

    const fixed = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version + 2, description: 'Deskripsi revisi yang sudah diperbaiki: cara menanam cabai rawit di pekarangan.' } }, owner.token);
    expect(fixed.data!.updateModule).toMatchObject({ status: 'PUBLISHED', version: module.version + 3, title: APPROVED, pendingRevision: { status: 'CHANGES_REQUESTED', title: PENDING } });
    const resent = await t.gql(SUBMIT_MODULE, { id: module.id }, owner.token);
    expect(resent.data!.submitModule).toMatchObject({ status: 'PUBLISHED', version: module.version + 4 });
    expect((await t.gql(BY_ID, { id: module.id })).data!.module.title).toBe(APPROVED);

    // A stale expectedVersion protects each side from the other.
    expect(errorCode(await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version + 3, decision: 'APPROVE' } }, curator.token))).toBe('CONFLICT');
    expect(errorCode(await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version + 3, title: 'Judul yang bertabrakan' } }, owner.token))).toBe('CONFLICT');

    // APPROVE makes the revision the public content; lesson ids and progress survive.
    const approved = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version + 4, decision: 'APPROVE' } }, curator.token);
    expect(approved.data!.reviewModule).toMatchObject({ status: 'PUBLISHED', version: module.version + 5 });
    const after = await everyPublicPath(module.id, module.slug, learner, other);
    expect(after.anonymousById).toMatchObject({ title: PENDING, pendingRevision: null });
    expect(after.learnerById.lessons).toEqual([
      { id: firstLesson, title: 'Menyiapkan media tanam', body: null },
      { id: secondLesson, title: 'Merawat bibit revisi', body: PENDING_BODY },
    ]);
    expect(after.enrollments[0]).toMatchObject({ progressPercent: 50, completedLessonIds: [firstLesson], module: { title: PENDING } });
    expect(after.reviews[0].module.title).toBe(PENDING);
    await pollUntil(async () => ((await searchHits('cabai rawit')).find((hit) => hit.module.id === module.id)?.module.title === PENDING ? true : undefined), 5_000, 'the approved revision in search');
    expect((await waitForNotification(t, owner.token, 'MODULE_APPROVED')).moduleIds).toEqual([module.id]);

    const history = (await t.gql(`query($id: ID!) { module(id: $id) { moderationHistory { action fromStatus toStatus } } }`, { id: module.id }, curator.token)).data!.module.moderationHistory;
    expect(history.slice(-4)).toEqual([
      { action: 'EDIT_PUBLISHED', fromStatus: 'PUBLISHED', toStatus: 'IN_REVIEW' },
      { action: 'REQUEST_CHANGES', fromStatus: 'IN_REVIEW', toStatus: 'CHANGES_REQUESTED' },
      { action: 'EDIT_PUBLISHED', fromStatus: 'CHANGES_REQUESTED', toStatus: 'IN_REVIEW' },
      { action: 'APPROVE', fromStatus: 'IN_REVIEW', toStatus: 'PUBLISHED' },
    ]);

    // REJECT leaves the public content and the revision, with the note, for the owner.
    const current = (await t.gql(BY_ID, { id: module.id }, owner.token)).data!.module;
    const again = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version + 5, title: 'Judul Baru yang Akan Ditolak Kurator' } }, owner.token);
    expect(again.errors).toBeUndefined();
    const rejected = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version + 6, decision: 'REJECT', note: 'Judul tidak sesuai dengan isi modul.' } }, curator.token);
    expect(rejected.data!.reviewModule).toMatchObject({ status: 'PUBLISHED', version: module.version + 7 });
    expect((await t.gql(BY_ID, { id: module.id })).data!.module).toMatchObject({ title: current.title, lessons: current.lessons.map((l: { id: string; title: string }) => ({ ...l, body: null })) });
    expect((await t.gql(BY_ID, { id: module.id }, owner.token)).data!.module.pendingRevision).toEqual({ status: 'REJECTED', title: 'Judul Baru yang Akan Ditolak Kurator' });
    expect((await waitForNotification(t, owner.token, 'MODULE_REJECTED')).moduleIds).toEqual([module.id]);
    expect(errorCode(await t.gql(SUBMIT_MODULE, { id: module.id }, owner.token))).toBe('CONFLICT');
  });

  it('takes an unpublished module off every public path at once, and never shows what its owner writes afterwards', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Cabai Rawit Organik Tanpa Pestisida Kimia' });
    const learner = await registerBeneficiary(t);
    const other = await registerBeneficiaryWithCard(t);
    await enroll(t, learner.token, module.id);
    await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 4, comment: 'Cukup jelas' } }, learner.token);
    const report = await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'MISLEADING', details: 'Klaim organik tidak benar' } }, other.token);
    await pollUntil(async () => ((await searchHits('cabai organik')).some((hit) => hit.module.id === module.id) ? true : undefined), 5_000, 'the module in search');
    // An edit waiting for review when the module is taken down goes with it.
    const waiting = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, title: 'Revisi yang Menunggu Saat Diturunkan' } }, owner.token);
    expect(waiting.data!.updateModule.pendingRevision.status).toBe('IN_REVIEW');

    const resolved = await t.gql(
      `mutation($input: ResolveReportInput!) { resolveReport(input: $input) { status module { status } } }`,
      { input: { reportId: report.data!.reportModule.id, status: 'RESOLVED', note: 'Modul diturunkan sementara.', unpublish: true } },
      curator.token,
    );
    expect(resolved.data!.resolveReport.module.status).toBe('UNPUBLISHED');
    const renamed = 'Judul Ditulis Ulang Setelah Diturunkan Kurator';
    expect((await t.gql(BY_ID, { id: module.id }, owner.token)).data!.module).toMatchObject({ status: 'UNPUBLISHED', pendingRevision: null });
    const edited = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version + 2, title: renamed, summary: 'Ringkasan baru yang belum pernah ditinjau kurator sama sekali.' } }, owner.token);
    expect(edited.data!.updateModule).toMatchObject({ status: 'UNPUBLISHED', title: renamed, pendingRevision: null });

    // Gone from every public path; what a learner still holds shows only the approved title, no content.
    expect(errorCode(await t.gql(BY_ID, { id: module.id }, learner.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(BY_SLUG, { slug: module.slug }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REVIEWS, { id: module.id }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'SPAM' } }, learner.token))).toBe('NOT_FOUND');
    const free = (await t.gql(FREE_OPTIONS, {}, other.token)).data!.freeOptionsForMe.modules;
    expect(free.map((m: { id: string }) => m.id)).not.toContain(module.id);
    const held = (await t.gql(MY_ENROLLMENTS, {}, learner.token)).data!.myEnrollments.nodes.find((n: { module: { id: string } }) => n.module.id === module.id);
    expect(held.module).toEqual({ id: module.id, title: 'Cabai Rawit Organik Tanpa Pestisida Kimia', summary: '', description: '', descriptionHtml: '', skills: [], status: 'UNPUBLISHED', lessons: [], pendingRevision: null });
    await pollUntil(async () => (!(await searchHits('cabai organik')).some((hit) => hit.module.id === module.id) ? true : undefined), 5_000, 'the module to leave search');
    const told = await waitForNotification(t, other.token, 'REPORT_RESOLVED');
    expect(told.message).not.toContain(renamed);
    // Curators and the owner still see the module as it is.
    expect((await t.gql(BY_ID, { id: module.id }, curator.token)).data!.module.title).toBe(renamed);
  });

  it('queues a PUBLISHED module with an IN_REVIEW revision among the IN_REVIEW modules, oldest submission first, across pages', async () => {
    const curatorQueue = async (statuses: string[] | null, first: number, after: string | null) =>
      (await t.gql(`query($s: [ModuleStatus!], $f: Int, $a: String) { moderationQueue(statuses: $s, first: $f, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { s: statuses, f: first, a: after }, curator.token)).data!
        .moderationQueue;
    const published = await publishedModule(t, owner.token, curator.token);
    const before = await t.gql(`mutation($id: ID!) { submitModule(id: $id) { id } }`, { id: (await t.gql(`mutation($i: ModuleInput!) { createModule(input: $i) { id } }`, { i: moduleInput() }, owner.token)).data!.createModule.id }, owner.token);
    await t.gql(UPDATE, { input: { id: published.id, expectedVersion: published.version, summary: 'Ringkasan revisi yang menunggu tinjauan kurator.' } }, owner.token);
    const later = await t.gql(`mutation($id: ID!) { submitModule(id: $id) { id } }`, { id: (await t.gql(`mutation($i: ModuleInput!) { createModule(input: $i) { id } }`, { i: moduleInput() }, owner.token)).data!.createModule.id }, owner.token);
    const ours = [before.data!.submitModule.id, published.id, later.data!.submitModule.id];

    const all = await curatorQueue(null, 100, null);
    const order = all.nodes.map((n: { id: string }) => n.id);
    expect(order.filter((id: string) => ours.includes(id))).toEqual(ours);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = await curatorQueue(null, 1, after);
      seen.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(order);
    expect(all.totalCount).toBe(order.length);

    // Listed once whatever the statuses asked; not among CHANGES_REQUESTED modules.
    const withPublished = (await curatorQueue(['IN_REVIEW', 'PUBLISHED'], 100, null)).nodes.map((n: { id: string }) => n.id);
    expect(withPublished.filter((id: string) => id === published.id)).toHaveLength(1);
    expect((await curatorQueue(['CHANGES_REQUESTED'], 100, null)).nodes.map((n: { id: string }) => n.id)).not.toContain(published.id);
  });
});
