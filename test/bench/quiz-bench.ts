/**
 * submitQuiz throughput and latency under concurrent clients, against a
 * started API (plain fetch, one request in flight per client).
 *
 *   BASE_URL=http://127.0.0.1:3100 ADMIN_EMAIL=admin@example.id ADMIN_PASSWORD=admin-password-1 \
 *   [DATABASE_URL=postgres://...same database as the API...] \
 *   node -r @swc-node/register test/bench/quiz-bench.ts [--clients 50] [--lessons 8] [--questions 10]
 *
 * The API needs REGISTRATIONS_PER_ADDRESS high enough for the registrations.
 * Setup (not timed): a contributor publishes one module of --lessons QUIZ
 * lessons of --questions questions each; --clients beneficiaries register and
 * enrol. Warm-up: one failing attempt per client on the first lesson. Timed:
 * every client at once, each submitting, lesson after lesson, three failing
 * attempts then a passing one (4 x lessons calls per client, within the 10 a
 * day), so every attempt is graded and recorded and each pass completes a
 * lesson (the last completes the enrollment). All clients hit one module row
 * (key-share locked) and each its own enrollment row. With DATABASE_URL,
 * attempts, completions and the completion counter are checked afterwards.
 */
import { Client } from 'pg';
import { admin, argument, baseUrl, gql, inBatches, latencyFigures } from './support/closed-loop';

const CLIENTS = argument('clients', 50);
const LESSONS = argument('lessons', 8);
const QUESTIONS = argument('questions', 10);
const FAILS_BEFORE_PASS = 3;
const run = Date.now().toString(36);


interface Quiz {
  lessonId: string;
  questionIds: string[];
}
interface Learner {
  token: string;
  enrollmentId: string;
}

/** Question i's right answer is option i % 4 (of 4); a failing attempt answers every question with the next option. */
const question = (lesson: number, index: number) => ({
  prompt: `Pertanyaan ${index + 1} pelajaran ${lesson + 1}: pilih jawaban yang benar.`,
  options: ['Pilihan A', 'Pilihan B', 'Pilihan C', 'Pilihan D'],
  correctOptions: [index % 4],
});
const answers = (quiz: Quiz, pass: boolean) => quiz.questionIds.map((questionId, i) => ({ questionId, selectedOptions: [pass ? i % 4 : (i + 1) % 4] }));

async function setup(): Promise<{ moduleId: string; quizzes: Quiz[]; learners: Learner[] }> {
  const login = (email: string, password: string) => gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password }).then((d) => d.login.accessToken as string);
  const adminToken = await login(admin.email, admin.password);
  const curator = { email: `bench-kurator-${run}@example.id`, password: 'rahasia-kurator-1', displayName: 'Kurator Bench' };
  await gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: curator }, adminToken);
  const curatorToken = await login(curator.email, curator.password);
  const owner = await gql(`mutation($i: RegisterContributorInput!) { registerContributor(input: $i) { accessToken } }`, {
    i: { email: `bench-kontributor-${run}@example.id`, password: 'rahasia-kuat-123', displayName: 'Kontributor Bench', kind: 'INDIVIDUAL' },
  });
  const ownerToken = owner.registerContributor.accessToken as string;

  const input = {
    title: `Modul Uji Beban Kuis ${run}`,
    summary: 'Ringkasan modul uji beban untuk mengukur penilaian kuis di server.',
    description: `Modul ini dipakai untuk mengukur kinerja penilaian kuis.\n\n- Kuis pertama\n- Kuis kedua\n- Kuis terakhir`,
    categorySlug: 'pengembangan-diri',
    skills: ['uji beban'],
    level: 'BEGINNER',
    deliveryMode: 'SELF_PACED',
    priceIdr: 0,
    lessons: Array.from({ length: LESSONS }, (_, lesson) => ({
      title: `Kuis nomor ${lesson + 1}`,
      kind: 'QUIZ',
      durationMinutes: 10,
      body: 'Jawab semua pertanyaan.',
      questions: Array.from({ length: QUESTIONS }, (_, index) => question(lesson, index)),
    })),
  };
  const created = await gql(`mutation($input: ModuleInput!) { createModule(input: $input) { id lessons { id questions { id } } } }`, { input }, ownerToken);
  const moduleId = created.createModule.id as string;
  const quizzes: Quiz[] = created.createModule.lessons.map((lesson: { id: string; questions: { id: string }[] }) => ({ lessonId: lesson.id, questionIds: lesson.questions.map((q) => q.id) }));
  const submitted = await gql(`mutation($id: ID!) { submitModule(id: $id) { version } }`, { id: moduleId }, ownerToken);
  await gql(`mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { status } }`, { input: { moduleId, expectedVersion: submitted.submitModule.version, decision: 'APPROVE' } }, curatorToken);

  // argon2id hashing makes registration slow on purpose: a few at a time.
  const learners = await inBatches(CLIENTS, 4, async (index) => {
    const card = `8${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}${String(index).padStart(7, '0')}`;
    const data = await gql(`mutation($i: RegisterBeneficiaryInput!) { registerBeneficiary(input: $i) { accessToken } }`, {
      i: { email: `bench-peserta-${run}-${index}@example.id`, password: 'rahasia-kuat-123', displayName: `Peserta ${index}`, prakerjaCardNumber: card },
    });
    const token = data.registerBeneficiary.accessToken as string;
    const enrolled = await gql(`mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { id } }`, { moduleId }, token);
    return { token, enrollmentId: enrolled.enroll.id as string };
  });
  return { moduleId, quizzes, learners };
}

const SUBMIT = `mutation($enrollmentId: ID!, $lessonId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuiz(enrollmentId: $enrollmentId, lessonId: $lessonId, answers: $answers) { attempt { scorePercent passed } enrollment { status } }
}`;


/** Every client sends its calls one after another (`plan` of its lesson/pass steps); all clients at once. */
async function measure(scenario: string, learners: Learner[], plan: { quiz: Quiz; pass: boolean }[]) {
  const latencies: number[] = [];
  let errors = 0;
  let wrongGrades = 0;
  const started = performance.now();
  await Promise.all(
    learners.map(async (learner) => {
      for (const step of plan) {
        const sent = performance.now();
        try {
          const result = await gql(SUBMIT, { enrollmentId: learner.enrollmentId, lessonId: step.quiz.lessonId, answers: answers(step.quiz, step.pass) }, learner.token);
          if (result.submitQuiz.attempt.passed !== step.pass) wrongGrades++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { scenario, errors, wrongGrades, ...latencyFigures(latencies, (performance.now() - started) / 1000) };
}

async function checkDatabase(moduleId: string): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.module_id = $1) AS attempts,
              (SELECT count(*)::int FROM lesson_completions c JOIN enrollments e ON e.id = c.enrollment_id WHERE e.module_id = $1) AS completions,
              (SELECT count(*)::int FROM enrollments WHERE module_id = $1 AND status = 'COMPLETED') AS completed,
              (SELECT completion_count FROM modules WHERE id = $1) AS completion_count`,
      [moduleId],
    );
    const expected = { attempts: CLIENTS * (1 + LESSONS * (FAILS_BEFORE_PASS + 1)), completions: CLIENTS * LESSONS, completed: CLIENTS, completion_count: CLIENTS };
    console.log(`checks: ${JSON.stringify(rows[0])}, expected ${JSON.stringify(expected)}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`submitQuiz bench against ${baseUrl}: ${CLIENTS} concurrent clients, ${LESSONS} quizzes of ${QUESTIONS} questions`);
  const setupStarted = Date.now();
  const { moduleId, quizzes, learners } = await setup();
  console.log(`setup: module published, ${learners.length} beneficiaries enrolled in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);
  await measure('warm-up', learners, [{ quiz: quizzes[0], pass: false }]);
  const plan = quizzes.flatMap((quiz) => [...Array.from({ length: FAILS_BEFORE_PASS }, () => ({ quiz, pass: false })), { quiz, pass: true }]);
  console.table([await measure('submitQuiz (3 fails then a pass, per lesson)', learners, plan)]);
  await checkDatabase(moduleId);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
