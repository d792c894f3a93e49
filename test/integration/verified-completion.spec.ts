import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, enroll, registerBeneficiaryWithCard } from '../factories/learning';
import { lessonInput, publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

const QUESTIONS = [
  { prompt: 'Apa kepanjangan UMKM?', options: ['Usaha Milik Kota Madya', 'Usaha Mikro, Kecil, dan Menengah'], correctOptions: [1] },
  { prompt: 'Apakah harga jual harus menutup biaya?', options: ['Ya', 'Tidak'], correctOptions: [0] },
];
const quizLesson = (title: string) => lessonInput({ title, kind: 'QUIZ', durationMinutes: 10, contentUrl: null, body: 'Jawab semua pertanyaan.', questions: QUESTIONS });
const articleLesson = () => lessonInput({ title: 'Bacaan pengantar', kind: 'ARTICLE', contentUrl: null, body: 'Bacalah dengan saksama.' });
const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { totalHits hits { module { id hasQuiz } } } }`;
const SUBMIT = `mutation($e: ID!, $l: ID!, $a: [QuizAnswerInput!]!) { submitQuiz(enrollmentId: $e, lessonId: $l, answers: $a) { attempt { passed } enrollment { status certificateCode } } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { valid quizzesPassed quizzesTotal } }`;

jest.setTimeout(60_000);

const ok = <T>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

describe('verified completion: hasQuiz and certificates of quizzes', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  it('Module.hasQuiz and SearchModulesInput.hasQuiz, from the database and from the index', async () => {
    const withQuiz = await publishedModule(t, owner.token, curator.token, { lessons: [articleLesson(), quizLesson('Kuis akhir')] });
    const without = await publishedModule(t, owner.token, curator.token, { lessons: [articleLesson()] });
    const hasQuiz = async (id: string) => ok(await t.gql(`query($id: ID!) { module(id: $id) { hasQuiz } }`, { id })).module.hasQuiz;
    expect([await hasQuiz(withQuiz.id), await hasQuiz(without.id)]).toEqual([true, false]);

    const found = async (filter: boolean | null) => {
      const hits = ok(await t.gql(SEARCH, { input: { hasQuiz: filter, pageSize: 100 } })).searchModules.hits as { module: { id: string; hasQuiz: boolean } }[];
      return hits.filter((hit) => [withQuiz.id, without.id].includes(hit.module.id)).map((hit) => hit.module);
    };
    await pollUntil(async () => ((await found(null)).length === 2 ? true : undefined), 10_000, 'both modules in the index');
    expect(await found(true)).toEqual([{ id: withQuiz.id, hasQuiz: true }]);
    expect(await found(false)).toEqual([{ id: without.id, hasQuiz: false }]);
    expect(await found(null)).toEqual(expect.arrayContaining([{ id: withQuiz.id, hasQuiz: true }, { id: without.id, hasQuiz: false }]));
  });

  it('counts only graded QUIZ lessons: one written before graded quizzes (no questions) does not make hasQuiz true', async () => {
    const legacy = await publishedModule(t, owner.token, curator.token, { lessons: [articleLesson(), quizLesson('Kuis lama')] });
    await t.db.query(`UPDATE lessons SET questions = NULL, pass_percent = NULL WHERE module_id = $1 AND kind = 'QUIZ'`, [legacy.id]);
    expect(ok(await t.gql(`query($id: ID!) { module(id: $id) { hasQuiz } }`, { id: legacy.id })).module.hasQuiz).toBe(false);
  });

  it('a certificate counts the quizzes passed in the enrollment and the QUIZ lessons at completion', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: [quizLesson('Kuis satu'), quizLesson('Kuis dua')] });
    const learner = await registerBeneficiaryWithCard(t);
    const enrollment = await enroll(t, learner.token, module.id);
    const lessons = ok(await t.gql(`query($id: ID!) { module(id: $id) { lessons { id questions { id } } } }`, { id: module.id }, learner.token)).module.lessons as {
      id: string;
      questions: { id: string }[];
    }[];
    let last: Record<string, any> = {};
    for (const lesson of lessons) {
      const answers = lesson.questions.map((question, i) => ({ questionId: question.id, selectedOptions: QUESTIONS[i].correctOptions }));
      last = ok(await t.gql(SUBMIT, { e: enrollment.id, l: lesson.id, a: answers }, learner.token)).submitQuiz;
      expect(last.attempt.passed).toBe(true);
    }
    expect(last.enrollment.status).toBe('COMPLETED');
    expect(ok(await t.gql(VERIFY, { code: last.enrollment.certificateCode })).verifyCertificate).toEqual({ valid: true, quizzesPassed: 2, quizzesTotal: 2 });
  });
});
