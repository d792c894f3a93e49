import { Account, countRows, createCurator, registerBeneficiary, registerContributor } from '../factories/accounts';
import { COMPLETE_LESSON, enroll, RATE_MODULE } from '../factories/learning';
import { CREATE_MODULE, createModule, lessonInput, moduleInput, publishedModule, REVIEW_MODULE } from '../factories/modules';
import { publishedDocuments } from '../../src/search/module-documents';
import { countQueries } from '../support/count-queries';
import { pollUntil } from '../support/poll';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const QUESTION_FIELDS = `id prompt options multipleAnswers correctOptions`;
const LESSON_FIELDS = `id kind questions { ${QUESTION_FIELDS} } passPercent`;
const MODULE_LESSONS = `query($id: ID!) { module(id: $id) { version lessons { ${LESSON_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id version pendingRevision { lessons { ${LESSON_FIELDS} } } } }`;
const ATTEMPT_FIELDS = `id lessonId scorePercent passed correct attemptedAt`;
const SUBMIT = `mutation($enrollmentId: ID!, $lessonId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuiz(enrollmentId: $enrollmentId, lessonId: $lessonId, answers: $answers) {
    attempt { ${ATTEMPT_FIELDS} } enrollment { id status progressPercent completedLessonIds completedAt }
  }
}`;
const SUBMIT_LEAN = `mutation($enrollmentId: ID!, $lessonId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuiz(enrollmentId: $enrollmentId, lessonId: $lessonId, answers: $answers) { attempt { id passed } }
}`;
const MY_ENROLLMENTS = `{ myEnrollments { nodes { id status completedLessonIds quizAttempts { ${ATTEMPT_FIELDS} } module { id lessons { ${LESSON_FIELDS} } } } } }`;

/** Three questions: the right answers are [1], [0, 2] and [0]. */
const QUESTIONS = [
  { prompt: 'Apa kepanjangan UMKM?', options: ['Usaha Milik Kota Madya', 'Usaha Mikro, Kecil, dan Menengah', 'Unit Modal Kerja Mandiri'], correctOptions: [1] },
  { prompt: 'Mana yang termasuk media sosial?', options: ['Instagram', 'Kalkulator', 'TikTok'], correctOptions: [2, 0] },
  { prompt: 'Apakah harga jual harus menutup biaya?', options: ['Ya', 'Tidak'], correctOptions: [0] },
];
const quizLesson = (override: Record<string, unknown> = {}) =>
  lessonInput({ title: 'Kuis pemahaman', kind: 'QUIZ', durationMinutes: 10, contentUrl: null, body: 'Jawab semua pertanyaan.', questions: QUESTIONS, ...override });
const articleLesson = () => lessonInput({ title: 'Bacaan pengantar', kind: 'ARTICLE', contentUrl: null, body: 'Bacalah dengan saksama.' });

type Question = { id: string; options: string[] };
const answersFor = (questions: Question[], choices: number[][]) => questions.map((question, i) => ({ questionId: question.id, selectedOptions: choices[i] }));
const ALL_RIGHT = [[1], [0, 2], [0]];
const ONE_RIGHT = [[1], [0], [1]];
const TWO_RIGHT = [[1], [2, 0], [1]];

const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions.fields?.[0]?.field;
const ok = <T>(res: GraphQLResponse<T>) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

describe('quizzes graded on the server (issue 14)', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  /** A PUBLISHED module of an article then a quiz (pass mark `passPercent`), with the quiz's lesson id and questions as the owner sees them. */
  const quizModule = async (passPercent?: number) => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: [articleLesson(), quizLesson(passPercent ? { passPercent } : {})] });
    const [article, quiz] = ok(await t.gql(MODULE_LESSONS, { id: module.id }, owner.token)).module.lessons;
    return { module, articleId: article.id as string, quizId: quiz.id as string, questions: quiz.questions as Question[] };
  };

  describe('authoring', () => {
    const refusals: [string, Record<string, unknown>, string][] = [
      ['a QUIZ lesson without questions', { questions: undefined }, 'lessons.1.questions'],
      ['a QUIZ lesson with an empty list', { questions: [] }, 'lessons.1.questions'],
      ['51 questions', { questions: Array.from({ length: 51 }, (_, i) => ({ ...QUESTIONS[0], prompt: `Pertanyaan nomor ${i + 1}` })) }, 'lessons.1.questions'],
      ['no correct option', { questions: [QUESTIONS[0], QUESTIONS[1], { ...QUESTIONS[2], correctOptions: [] }] }, 'lessons.1.questions.2.correctOptions'],
      ['a correct option out of range', { questions: [QUESTIONS[0], QUESTIONS[1], { ...QUESTIONS[2], correctOptions: [2] }] }, 'lessons.1.questions.2.correctOptions'],
      ['a negative correct option', { questions: [{ ...QUESTIONS[0], correctOptions: [-1] }] }, 'lessons.1.questions.0.correctOptions'],
      ['a repeated correct option', { questions: [{ ...QUESTIONS[1], correctOptions: [0, 0] }] }, 'lessons.1.questions.0.correctOptions'],
      ['two equal options', { questions: [{ ...QUESTIONS[2], options: ['Ya', 'Ya'] }] }, 'lessons.1.questions.0.options'],
      ['one option', { questions: [{ ...QUESTIONS[2], options: ['Ya'] }] }, 'lessons.1.questions.0.options'],
      ['seven options', { questions: [{ ...QUESTIONS[2], options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }] }, 'lessons.1.questions.0.options'],
      ['an empty option', { questions: [{ ...QUESTIONS[2], options: ['Ya', ''] }] }, 'lessons.1.questions.0.options'],
      ['a short prompt', { questions: [{ ...QUESTIONS[2], prompt: 'Ya?' }] }, 'lessons.1.questions.0.prompt'],
      ['markup in a prompt', { questions: [{ ...QUESTIONS[2], prompt: 'Pilih <script>x</script>' }] }, 'lessons.1.questions.0.prompt'],
      ['passPercent 0', { passPercent: 0 }, 'lessons.1.passPercent'],
      ['passPercent 101', { passPercent: 101 }, 'lessons.1.passPercent'],
    ];
    it.each(refusals)('refuses %s on its field and writes nothing', async (_name, override, field) => {
      const before = await countRows(t.db);
      const res = await t.gql(CREATE_MODULE, { input: moduleInput({ lessons: [articleLesson(), quizLesson(override)] }) }, owner.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe(field);
      // The refusal never echoes which options are correct.
      expect(JSON.stringify(res.errors)).not.toMatch(/correctOptions":\s*\[/);
      expect(await countRows(t.db)).toEqual(before);
    });

    it('refuses questions or a pass mark on a lesson that is not a QUIZ', async () => {
      const withQuestions = await t.gql(CREATE_MODULE, { input: moduleInput({ lessons: [{ ...articleLesson(), questions: QUESTIONS }] }) }, owner.token);
      expect([errorCode(withQuestions), fieldOf(withQuestions)]).toEqual(['BAD_USER_INPUT', 'lessons.0.questions']);
      const withPass = await t.gql(CREATE_MODULE, { input: moduleInput({ lessons: [{ ...articleLesson(), passPercent: 50 }] }) }, owner.token);
      expect([errorCode(withPass), fieldOf(withPass)]).toEqual(['BAD_USER_INPUT', 'lessons.0.passPercent']);
    });

    it('stores the questions with ids and a default pass mark of 70; the owner and curators see the correct options', async () => {
      const created = await createModule(t, owner.token, { lessons: [articleLesson(), quizLesson()] });
      const lessons = ok(await t.gql(MODULE_LESSONS, { id: created.id }, owner.token)).module.lessons;
      expect(lessons[0]).toMatchObject({ kind: 'ARTICLE', questions: null, passPercent: null });
      expect(lessons[1]).toMatchObject({ kind: 'QUIZ', passPercent: 70 });
      expect(lessons[1].questions.map((q: Record<string, unknown>) => [q.prompt, q.multipleAnswers, q.correctOptions])).toEqual([
        [QUESTIONS[0].prompt, false, [1]],
        [QUESTIONS[1].prompt, true, [0, 2]],
        [QUESTIONS[2].prompt, false, [0]],
      ]);
      const asCurator = ok(await t.gql(MODULE_LESSONS, { id: created.id }, curator.token)).module.lessons[1];
      expect(asCurator.questions[1].correctOptions).toEqual([0, 2]);
    });

    it('imports quizzes with importModules, and reports an invalid one on its field', async () => {
      const IMPORT = `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id failures { index field } } }`;
      const JOB = `query($id: ID!) { importJob(id: $id) { state createdModuleIds } }`;
      const bad = moduleInput({ lessons: [quizLesson({ questions: [{ ...QUESTIONS[0], correctOptions: [5] }] })] });
      const res = await t.gql(IMPORT, { items: [moduleInput({ lessons: [quizLesson({ passPercent: 90 })] }), bad] }, owner.token);
      expect(ok(res).importModules.failures).toEqual([{ index: 1, field: 'lessons.0.questions.0.correctOptions' }]);
      const done = await pollUntil(async () => {
        const job = ok(await t.gql(JOB, { id: res.data!.importModules.id }, owner.token)).importJob;
        return job.state === 'SUCCEEDED' ? job : undefined;
      }, 10_000, 'the import to finish');
      const [lesson] = ok(await t.gql(MODULE_LESSONS, { id: done.value.createdModuleIds[0] }, owner.token)).module.lessons;
      expect(lesson).toMatchObject({ kind: 'QUIZ', passPercent: 90 });
      expect(lesson.questions.map((q: { correctOptions: number[] }) => q.correctOptions)).toEqual([[1], [0, 2], [0]]);
    });
  });

  describe('secrecy of the correct options', () => {
    it('shows questions without correct options to enrolled learners, nothing to others, through every path', async () => {
      const { module, quizId } = await quizModule();
      const learner = await registerBeneficiary(t);
      const stranger = await registerBeneficiary(t);
      const otherContributor = await registerContributor(t);

      // Not enrolled, anonymous, another contributor: no questions at all (as contentUrl).
      for (const token of [stranger.token, undefined, otherContributor.token]) {
        const quiz = ok(await t.gql(MODULE_LESSONS, { id: module.id }, token)).module.lessons[1];
        expect(quiz).toEqual({ id: quizId, kind: 'QUIZ', questions: null, passPercent: 70 });
      }

      await enroll(t, learner.token, module.id);
      const seen = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1];
      expect(seen.questions).toHaveLength(3);
      expect(seen.questions.every((q: { correctOptions: unknown }) => q.correctOptions === null)).toBe(true);
      expect(seen.questions.map((q: { multipleAnswers: boolean }) => q.multipleAnswers)).toEqual([false, true, false]);

      const mine = ok(await t.gql(MY_ENROLLMENTS, {}, learner.token)).myEnrollments.nodes[0];
      expect(mine.module.lessons[1].questions.map((q: { correctOptions: unknown }) => q.correctOptions)).toEqual([null, null, null]);

      // The module through a review and through search: the same rule.
      ok(await t.gql(RATE_MODULE, { input: { moduleId: module.id, rating: 5 } }, learner.token));
      const REVIEW_LESSONS = `query($id: ID!) { moduleReviews(moduleId: $id) { module { lessons { questions { correctOptions } } } } }`;
      const viaReview = ok(await t.gql(REVIEW_LESSONS, { id: module.id }, learner.token)).moduleReviews[0].module.lessons[1];
      expect(viaReview.questions.map((q: { correctOptions: unknown }) => q.correctOptions)).toEqual([null, null, null]);
      const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { hits { module { id lessons { questions { correctOptions } } } } } }`;
      const title = ok(await t.gql(`query($id: ID!) { module(id: $id) { title } }`, { id: module.id })).module.title;
      const hit = await pollUntil(async () => {
        const res = await t.gql(SEARCH, { input: { query: title } }, learner.token);
        return res.data?.searchModules.hits.find((h: { module: { id: string } }) => h.module.id === module.id);
      }, 10_000, 'the module in search');
      expect(hit.value.module.lessons[1].questions.map((q: { correctOptions: unknown }) => q.correctOptions)).toEqual([null, null, null]);
      const ownerHit = await t.gql(SEARCH, { input: { query: title } }, owner.token);
      const ownerView = ownerHit.data!.searchModules.hits.find((h: { module: { id: string } }) => h.module.id === module.id);
      expect(ownerView.module.lessons[1].questions[0].correctOptions).toEqual([1]);

      // Neither the search document nor the lesson body carries the questions.
      const document = JSON.stringify([...(await publishedDocuments(t.db, [module.id])).values()]);
      expect(document).toContain(module.id);
      expect(document).not.toContain('Usaha Mikro');
      const body = ok(await t.gql(`query($id: ID!) { module(id: $id) { lessons { body bodyHtml } } }`, { id: module.id }, learner.token)).module.lessons[1];
      expect(JSON.stringify(body)).not.toContain('Usaha Mikro');
    });

    it('shows the pending revision (with correct options) to the owner and curators only', async () => {
      const { module, quizId } = await quizModule();
      const edited = ok(
        await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, lessons: [articleLesson(), quizLesson({ id: quizId, passPercent: 80 })] } }, owner.token),
      ).updateModule;
      expect(edited.pendingRevision.lessons[1]).toMatchObject({ id: quizId, passPercent: 80 });
      expect(edited.pendingRevision.lessons[1].questions[1].correctOptions).toEqual([0, 2]);
      const PENDING = `query($id: ID!) { module(id: $id) { pendingRevision { lessons { questions { correctOptions } } } } }`;
      expect(ok(await t.gql(PENDING, { id: module.id }, curator.token)).module.pendingRevision.lessons[1].questions[0].correctOptions).toEqual([1]);
      const learner = await registerBeneficiary(t);
      await enroll(t, learner.token, module.id);
      expect(ok(await t.gql(PENDING, { id: module.id }, learner.token)).module.pendingRevision).toBeNull();
    });
  });

  describe('submitQuiz', () => {
    it('grades on the server, records each attempt, and a pass completes the lesson and the enrollment; a passed quiz stays passed', async () => {
      const { module, articleId, quizId } = await quizModule();
      const learner = await registerBeneficiary(t);
      const enrollment = await enroll(t, learner.token, module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1].questions as Question[];

      const refused = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: quizId }, learner.token);
      expect([errorCode(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'lessonId']);
      ok(await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: articleId }, learner.token));

      const failed = ok(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, TWO_RIGHT) }, learner.token)).submitQuiz;
      expect(failed.attempt).toMatchObject({ lessonId: quizId, scorePercent: 66, passed: false, correct: [true, true, false] });
      expect(failed.enrollment).toMatchObject({ status: 'ACTIVE', completedLessonIds: [articleId] });
      expect(JSON.stringify(failed)).not.toContain('correctOptions');

      const passed = ok(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, learner.token)).submitQuiz;
      expect(passed.attempt).toMatchObject({ scorePercent: 100, passed: true, correct: [true, true, true] });
      expect(passed.enrollment).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedLessonIds: [articleId, quizId], completedAt: expect.any(String) });

      const later = ok(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ONE_RIGHT) }, learner.token)).submitQuiz;
      expect(later.attempt).toMatchObject({ scorePercent: 33, passed: false });
      expect(later.enrollment).toMatchObject({ status: 'COMPLETED', completedLessonIds: [articleId, quizId] });

      const attempts = ok(await t.gql(MY_ENROLLMENTS, {}, learner.token)).myEnrollments.nodes[0].quizAttempts;
      expect(attempts.map((a: { id: string }) => a.id)).toEqual([later.attempt.id, passed.attempt.id, failed.attempt.id]);
      const [{ completion_count }] = await t.db.query(`SELECT completion_count FROM modules WHERE id = $1`, [module.id]);
      expect(completion_count).toBe(1);
    });

    it('lists quiz attempts of a page of enrollments with one query, newest first, each enrollment its own', async () => {
      const modules = [await quizModule(), await quizModule(), await quizModule()];
      const learner = await registerBeneficiary(t);
      for (const [index, { module, quizId }] of modules.entries()) {
        const enrollment = await enroll(t, learner.token, module.id);
        const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1].questions as Question[];
        for (let attempt = 0; attempt <= index; attempt += 1) ok(await t.gql(SUBMIT_LEAN, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ONE_RIGHT) }, learner.token));
      }
      const LIST = `{ myEnrollments { nodes { module { id } quizAttempts { lessonId attemptedAt } } } }`;
      let nodes: { module: { id: string }; quizAttempts: { lessonId: string; attemptedAt: string }[] }[] = [];
      const queries = await countQueries(t, async () => {
        nodes = ok(await t.gql(LIST, {}, learner.token)).myEnrollments.nodes;
      });
      expect(queries.filter((query) => /quiz_attempts/.test(query))).toHaveLength(1);
      for (const [index, { module, quizId }] of modules.entries()) {
        const attempts = nodes.find((node) => node.module.id === module.id)!.quizAttempts;
        expect(attempts.map((attempt) => attempt.lessonId)).toEqual(Array(index + 1).fill(quizId));
        const times = attempts.map((attempt) => Date.parse(attempt.attemptedAt));
        expect([...times].sort((a, b) => b - a)).toEqual(times);
      }
    });

    it("passes at the lesson's own pass mark", async () => {
      const { module, quizId } = await quizModule(30);
      const learner = await registerBeneficiary(t);
      const enrollment = await enroll(t, learner.token, module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1].questions as Question[];
      const res = ok(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ONE_RIGHT) }, learner.token)).submitQuiz;
      expect(res.attempt).toMatchObject({ scorePercent: 33, passed: true });
      expect(res.enrollment.completedLessonIds).toEqual([quizId]);
    });

    it('refuses answers that do not fit the quiz, on their field, and writes nothing', async () => {
      const { module, articleId, quizId } = await quizModule();
      const other = await quizModule();
      const learner = await registerBeneficiary(t);
      const enrollment = await enroll(t, learner.token, module.id);
      await enroll(t, learner.token, other.module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1].questions as Question[];
      const otherQuestions = ok(await t.gql(MODULE_LESSONS, { id: other.module.id }, learner.token)).module.lessons[1].questions as Question[];
      const right = answersFor(questions, ALL_RIGHT);
      const cases: [Record<string, unknown>, string][] = [
        [{ answers: right.slice(0, 2) }, 'answers'],
        [{ answers: [...right, right[0]] }, 'answers.3.questionId'],
        [{ answers: [right[0], right[1], { questionId: otherQuestions[2].id, selectedOptions: [0] }] }, 'answers.2.questionId'],
        [{ answers: [right[0], right[1], { questionId: 'bukan-id', selectedOptions: [0] }] }, 'answers.2.questionId'],
        [{ answers: [right[0], { questionId: questions[1].id, selectedOptions: [0, 3] }, right[2]] }, 'answers.1.selectedOptions'],
        [{ answers: [right[0], { questionId: questions[1].id, selectedOptions: [0, 0] }, right[2]] }, 'answers.1.selectedOptions'],
        [{ answers: [right[0], right[1], { questionId: questions[2].id, selectedOptions: [] }] }, 'answers.2.selectedOptions'],
        [{ lessonId: articleId, answers: right }, 'lessonId'],
        [{ lessonId: other.quizId, answers: answersFor(otherQuestions, ALL_RIGHT) }, 'lessonId'],
      ];
      const stranger = await registerBeneficiary(t);
      const before = await countRows(t.db);
      for (const [override, field] of cases) {
        const res = await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, ...override }, learner.token);
        expect([errorCode(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
        expect(JSON.stringify(res.errors)).not.toMatch(/correct/i);
      }
      expect(errorCode(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: right }, stranger.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SUBMIT, { enrollmentId: enrollment.id, lessonId: quizId, answers: right }, owner.token))).toBe('FORBIDDEN');
      expect(await countRows(t.db)).toEqual(before);
    });

    it('allows 10 attempts per lesson per day, then RATE_LIMITED with retryAfterSeconds, counted in the database', async () => {
      const { module, quizId } = await quizModule();
      const learner = await registerBeneficiary(t);
      const enrollment = await enroll(t, learner.token, module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[1].questions as Question[];
      const wrong = answersFor(questions, ONE_RIGHT);
      for (let i = 0; i < 10; i += 1) ok(await t.gql(SUBMIT_LEAN, { enrollmentId: enrollment.id, lessonId: quizId, answers: wrong }, learner.token));
      const limited = await t.gql(SUBMIT_LEAN, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, learner.token);
      expect(errorCode(limited)).toBe('RATE_LIMITED');
      const retryAfter = (limited.errors![0].extensions as { retryAfterSeconds?: number }).retryAfterSeconds!;
      expect(retryAfter).toBeGreaterThan(86_000);
      expect(retryAfter).toBeLessThanOrEqual(86_400);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM quiz_attempts WHERE enrollment_id = $1`, [enrollment.id]);
      expect(count).toBe(10);

      // Attempts older than a day no longer count.
      await t.db.query(`UPDATE quiz_attempts SET attempted_at = attempted_at - interval '25 hours' WHERE enrollment_id = $1`, [enrollment.id]);
      const again = ok(await t.gql(SUBMIT_LEAN, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, learner.token));
      expect(again.submitQuiz.attempt.passed).toBe(true);
    });

    it("keeps a pass through the owner's later edit of the quiz (revision approved); unchanged questions keep their ids", async () => {
      const { module, quizId } = await quizModule();
      const passer = await registerBeneficiary(t);
      const pending = await registerBeneficiary(t);
      const passerEnrollment = await enroll(t, passer.token, module.id);
      await enroll(t, pending.token, module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, passer.token)).module.lessons[1].questions as Question[];
      ok(await t.gql(SUBMIT_LEAN, { enrollmentId: passerEnrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, passer.token));

      // The owner changes question 3's right answer and raises the pass mark.
      const changed = [QUESTIONS[0], QUESTIONS[1], { ...QUESTIONS[2], correctOptions: [1] }];
      const edited = ok(
        await t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, lessons: [articleLesson(), quizLesson({ id: quizId, questions: changed, passPercent: 100 })] } }, owner.token),
      ).updateModule;
      ok(await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: edited.version, decision: 'APPROVE' } }, curator.token));

      const after = ok(await t.gql(MODULE_LESSONS, { id: module.id }, owner.token)).module.lessons[1];
      expect(after.passPercent).toBe(100);
      expect(after.questions.slice(0, 2).map((q: Question) => q.id)).toEqual(questions.slice(0, 2).map((q) => q.id));
      expect(after.questions[2].id).not.toBe(questions[2].id);
      expect(after.questions[2].correctOptions).toEqual([1]);

      const mine = ok(await t.gql(MY_ENROLLMENTS, {}, passer.token)).myEnrollments.nodes[0];
      expect(mine.completedLessonIds).toContain(quizId);
      expect(mine.quizAttempts[0]).toMatchObject({ passed: true, correct: [true, true, true] });
      // The old answer to question 3 is now wrong for a new attempt, and the old question id is refused.
      const stale = await t.gql(SUBMIT_LEAN, { enrollmentId: passerEnrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, passer.token);
      expect([errorCode(stale), fieldOf(stale)]).toEqual(['BAD_USER_INPUT', 'answers.2.questionId']);
    });

    it('20 concurrent passing submissions: the 10 the daily limit allows are each recorded, the rest RATE_LIMITED, and the lesson and enrollment complete once', async () => {
      const { module, quizId } = await publishedModule(t, owner.token, curator.token, { lessons: [quizLesson()] }).then(async (m) => ({
        module: m,
        quizId: ok(await t.gql(MODULE_LESSONS, { id: m.id }, owner.token)).module.lessons[0].id as string,
      }));
      const learner = await registerBeneficiary(t);
      const enrollment = await enroll(t, learner.token, module.id);
      const questions = ok(await t.gql(MODULE_LESSONS, { id: module.id }, learner.token)).module.lessons[0].questions as Question[];
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.gql(SUBMIT_LEAN, { enrollmentId: enrollment.id, lessonId: quizId, answers: answersFor(questions, ALL_RIGHT) }, learner.token)),
      );
      const accepted = results.filter((res) => !res.errors);
      expect(accepted).toHaveLength(10);
      expect(results.filter((res) => errorCode(res) === 'RATE_LIMITED')).toHaveLength(10);
      const [{ attempts }] = await t.db.query(`SELECT count(*)::int AS attempts FROM quiz_attempts WHERE enrollment_id = $1`, [enrollment.id]);
      expect(attempts).toBe(10);
      const completions = await t.db.query(`SELECT lesson_id FROM lesson_completions WHERE enrollment_id = $1`, [enrollment.id]);
      expect(completions).toEqual([{ lesson_id: quizId }]);
      const [row] = await t.db.query(`SELECT m.completion_count, e.status FROM modules m JOIN enrollments e ON e.module_id = m.id WHERE e.id = $1`, [enrollment.id]);
      expect(row).toEqual({ completion_count: 1, status: 'COMPLETED' });
    });
  });
});
