import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Account, createCurator, registerBeneficiary, registerContributor } from '../factories/accounts';
import { COMPLETE_LESSON, enroll } from '../factories/learning';
import { createModule, lessonInput, moduleInput, publishedModule, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id status version pendingRevision { lessons { id title } } } }`;
const LESSONS = `query($id: ID!) { module(id: $id) { version completionCount lessons { id title position } } }`;
const ENROLLMENTS = `{ myEnrollments { nodes { id status progressPercent completedLessonIds completedAt module { id } } } }`;

const lessons = (...titles: string[]) => titles.map((title) => lessonInput({ title, kind: 'ARTICLE', contentUrl: null, body: `Isi ${title}` }));

/** Everything an edit of `moduleId` could write, to show that a refused one wrote nothing. */
async function footprint(db: DataSource, moduleId: string) {
  return {
    module: await db.query(`SELECT * FROM modules WHERE id = $1`, [moduleId]),
    lessons: await db.query(`SELECT * FROM lessons WHERE module_id = $1 ORDER BY position`, [moduleId]),
    revisions: await db.query(`SELECT * FROM module_revisions WHERE module_id = $1`, [moduleId]),
    completions: await db.query(`SELECT c.* FROM lesson_completions c JOIN enrollments e ON e.id = c.enrollment_id WHERE e.module_id = $1 ORDER BY c.lesson_id`, [moduleId]),
    events: await db.query(`SELECT count(*)::int AS n FROM moderation_events WHERE module_id = $1`, [moduleId]),
    outbox: await db.query(`SELECT count(*)::int AS n FROM outbox_events`),
  };
}

describe('lessons keep their ids across edits, so progress survives', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const lessonsOf = async (moduleId: string) => (await t.gql(LESSONS, { id: moduleId }, owner.token)).data!.module;
  const enrollmentIn = async (learner: Account, moduleId: string) =>
    (await t.gql(ENROLLMENTS, {}, learner.token)).data!.myEnrollments.nodes.find((n: { module: { id: string } }) => n.module.id === moduleId);
  const complete = async (learner: Account, enrollmentId: string, lessonId: string) => {
    const res = await t.gql(COMPLETE_LESSON, { enrollmentId, lessonId }, learner.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  const approve = async (moduleId: string, expectedVersion: number) => {
    const res = await t.gql(REVIEW_MODULE, { input: { moduleId, expectedVersion, decision: 'APPROVE' } }, curator.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.reviewModule.version as number;
  };

  it('keeps, reorders, edits, removes and adds lessons through a revision; progress stays right and COMPLETED stays COMPLETED', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: lessons('Satu', 'Dua', 'Tiga', 'Empat') });
    const [one, two, three, four] = (await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id);
    const halfway = await registerBeneficiary(t);
    const finished = await registerBeneficiary(t);
    const almost = await registerBeneficiary(t);
    const halfwayEnrollment = await enroll(t, halfway.token, module.id);
    const finishedEnrollment = await enroll(t, finished.token, module.id);
    const almostEnrollment = await enroll(t, almost.token, module.id);
    for (const lesson of [one, two]) await complete(halfway, halfwayEnrollment.id, lesson);
    for (const lesson of [one, two, three, four]) await complete(finished, finishedEnrollment.id, lesson);
    for (const lesson of [one, two, three]) await complete(almost, almostEnrollment.id, lesson);
    expect(await enrollmentIn(finished, module.id)).toMatchObject({ status: 'COMPLETED', progressPercent: 100 });
    expect((await lessonsOf(module.id)).completionCount).toBe(1);

    // Reorder (Dua first), edit Satu, drop Empat, add Lima; Tiga kept without an id (an older client resending it unchanged).
    const edit = [
      lessonInput({ id: two, title: 'Dua', kind: 'ARTICLE', contentUrl: null, body: 'Isi Dua' }),
      lessonInput({ id: one, title: 'Satu (diperbarui)', kind: 'ARTICLE', contentUrl: null, body: 'Isi Satu yang baru' }),
      ...lessons('Tiga', 'Lima'),
    ];
    const edited = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, lessons: edit } }, owner.token);
    expect(edited.errors).toBeUndefined();
    const planned = edited.data!.updateModule.pendingRevision.lessons;
    expect(planned.slice(0, 3).map((l: { id: string }) => l.id)).toEqual([two, one, three]);
    const five = planned[3].id;
    expect([one, two, three, four]).not.toContain(five);

    // Until approval nothing moves for learners.
    expect((await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id)).toEqual([one, two, three, four]);
    expect(await enrollmentIn(halfway, module.id)).toMatchObject({ progressPercent: 50, completedLessonIds: [one, two] });

    await approve(module.id, edited.data!.updateModule.version);
    const after = await lessonsOf(module.id);
    expect(after.lessons).toEqual([
      { id: two, title: 'Dua', position: 1 },
      { id: one, title: 'Satu (diperbarui)', position: 2 },
      { id: three, title: 'Tiga', position: 3 },
      { id: five, title: 'Lima', position: 4 },
    ]);
    // Completed lessons that still exist over current lessons, in lesson order; the removed lesson no longer counts.
    expect(await enrollmentIn(halfway, module.id)).toMatchObject({ status: 'ACTIVE', progressPercent: 50, completedLessonIds: [two, one] });
    expect(await enrollmentIn(finished, module.id)).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedLessonIds: [two, one, three] });
    expect(await enrollmentIn(almost, module.id)).toMatchObject({ status: 'ACTIVE', progressPercent: 75, completedLessonIds: [two, one, three] });
    expect(after.completionCount).toBe(1);

    // The new lesson is completable under the id the owner saw in the revision.
    await complete(halfway, halfwayEnrollment.id, five);
    expect(await enrollmentIn(halfway, module.id)).toMatchObject({ progressPercent: 75, completedLessonIds: [two, one, five] });

    // Removing the only lesson a learner had left completes their enrollment, counted once.
    const trimmed = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: after.version, lessons: [{ id: two, ...lessons('Dua')[0] }, { id: one, ...lessons('Satu (diperbarui)')[0], body: 'Isi Satu yang baru' }, { id: three, ...lessons('Tiga')[0] }] } }, owner.token);
    expect(trimmed.errors).toBeUndefined();
    await approve(module.id, trimmed.data!.updateModule.version);
    expect(await enrollmentIn(almost, module.id)).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedAt: expect.any(String) });
    expect(await enrollmentIn(halfway, module.id)).toMatchObject({ status: 'ACTIVE', progressPercent: 66, completedLessonIds: [two, one] });
    expect((await lessonsOf(module.id)).completionCount).toBe(2);
  });

  it('keeps ids when an older client fixes a typo and resends identical lessons without ids (the 50% that became 0%)', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: lessons('Pengantar', 'Praktik') });
    const ids = (await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id);
    const learner = await registerBeneficiary(t);
    const enrollment = await enroll(t, learner.token, module.id);
    await complete(learner, enrollment.id, ids[0]);

    const typo = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, summary: 'Ringkasan tanpa salah ketik: belajar langkah demi langkah.', lessons: lessons('Pengantar', 'Praktik') } }, owner.token);
    await approve(module.id, typo.data!.updateModule.version);
    expect((await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id)).toEqual(ids);
    expect(await enrollmentIn(learner, module.id)).toMatchObject({ progressPercent: 50, completedLessonIds: [ids[0]] });
  });

  it('keeps ids when editing a module directly (DRAFT and UNPUBLISHED), and learners of an unpublished module keep their progress', async () => {
    const draft = await createModule(t, owner.token, { lessons: lessons('Satu', 'Dua') });
    const draftIds = (await lessonsOf(draft.id)).lessons.map((l: { id: string }) => l.id);
    const reordered = await t.gql(UPDATE, { input: { id: draft.id, expectedVersion: 1, lessons: [{ ...lessons('Dua')[0], id: draftIds[1] }, { ...lessons('Satu')[0], id: draftIds[0] }] } }, owner.token);
    expect(reordered.data!.updateModule).toMatchObject({ status: 'DRAFT', version: 2, pendingRevision: null });
    expect((await lessonsOf(draft.id)).lessons.map((l: { id: string }) => l.id)).toEqual([draftIds[1], draftIds[0]]);

    const module = await publishedModule(t, owner.token, curator.token, { lessons: lessons('Satu', 'Dua') });
    const ids = (await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id);
    const learner = await registerBeneficiary(t);
    const enrollment = await enroll(t, learner.token, module.id);
    await complete(learner, enrollment.id, ids[1]);
    const down = await t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Perbaiki materi") { version } }`, { id: module.id }, curator.token);
    const fixed = await t.gql(UPDATE, { input: { id: module.id, expectedVersion: down.data!.unpublishModule.version, lessons: [{ ...lessons('Dua diperbaiki')[0], id: ids[1] }, ...lessons('Tiga')] } }, owner.token);
    expect(fixed.data!.updateModule.status).toBe('UNPUBLISHED');
    const resubmitted = await t.gql(SUBMIT_MODULE, { id: module.id }, owner.token);
    await approve(module.id, resubmitted.data!.submitModule.version);
    expect((await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id)[0]).toBe(ids[1]);
    expect(await enrollmentIn(learner, module.id)).toMatchObject({ progressPercent: 50, completedLessonIds: [ids[1]] });
  });

  it('refuses a lesson id that is not a lesson of this module with BAD_USER_INPUT on lessons.<i>.id, writing nothing', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: lessons('Satu', 'Dua') });
    const ids = (await lessonsOf(module.id)).lessons.map((l: { id: string }) => l.id);
    const otherModule = await publishedModule(t, owner.token, curator.token, { lessons: lessons('Milik modul lain') });
    const foreignId = (await lessonsOf(otherModule.id)).lessons[0].id;
    const draft = await createModule(t, owner.token, { lessons: lessons('Draf') });
    const learner = await registerBeneficiary(t);
    const enrollment = await enroll(t, learner.token, module.id);
    await complete(learner, enrollment.id, ids[0]);

    const cases: [string, number, unknown[], string][] = [
      [module.id, module.version, [{ ...lessons('Satu')[0], id: ids[0] }, { ...lessons('Asing')[0], id: foreignId }], 'lessons.1.id'],
      [module.id, module.version, [{ ...lessons('Acak')[0], id: randomUUID() }], 'lessons.0.id'],
      [module.id, module.version, [{ ...lessons('Satu')[0], id: ids[0] }, { ...lessons('Dua')[0], id: ids[0] }], 'lessons.1.id'],
      [module.id, module.version, [{ ...lessons('Bukan UUID')[0], id: 'lesson-1' }], 'lessons.0.id'],
      [draft.id, 1, [{ ...lessons('Draf')[0], id: foreignId }], 'lessons.0.id'],
    ];
    for (const [moduleId, expectedVersion, lessonList, field] of cases) {
      const before = await footprint(t.db, moduleId);
      const refused = await t.gql(UPDATE, { input: { id: moduleId, expectedVersion, title: 'Judul yang tidak boleh tersimpan', lessons: lessonList } }, owner.token);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions.fields).toEqual([{ field, message: expect.any(String) }]);
      expect(await footprint(t.db, moduleId)).toEqual(before);
    }
    // createModule has no lessons to keep: any id is refused.
    const created = await t.gql(`mutation($input: ModuleInput!) { createModule(input: $input) { id } }`, { input: { ...moduleInput(), lessons: [{ ...lessons('Baru')[0], id: ids[0] }] } }, owner.token);
    expect(errorCode(created)).toBe('BAD_USER_INPUT');
    expect(created.errors![0].extensions.fields).toEqual([{ field: 'lessons.0.id', message: 'is not a lesson of this module' }]);
  });
});
