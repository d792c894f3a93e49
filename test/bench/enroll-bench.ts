/**
 * Enroll throughput and latency under concurrent clients, against a started
 * API (plain fetch, one request in flight per client).
 *
 *   BASE_URL=http://127.0.0.1:3100 ADMIN_EMAIL=admin@example.id ADMIN_PASSWORD=admin-password-1 \
 *   [DATABASE_URL=postgres://...same database as the API...] \
 *   node -r @swc-node/register test/bench/enroll-bench.ts [--clients 50] [--modules 20]
 *
 * The API needs REGISTRATIONS_PER_ADDRESS high enough for the registrations.
 * Setup (not timed): a contributor publishes --modules modules (half Rp0, half
 * Rp1), --clients beneficiaries register, and a warm-up round enrols them in
 * two modules. Then two timed scenarios over the other modules, split in
 * halves, each clients x modules/2 enroll calls that all create an enrollment
 * (and a fee or waiver for Rp1 modules):
 *   spread  client i enrols in the modules starting at module i (little contention per module row)
 *   hot     every client enrols in the modules in the same order (all hit one module's counter at once)
 * followed by a replay of the hot scenario (every call idempotent: nothing new is written).
 * With DATABASE_URL, the ledger invariant and the counters are checked afterwards.
 */
import { Client } from 'pg';
import { admin, argument, baseUrl, gql, inBatches, latencyFigures, LatencyFigures } from './support/closed-loop';

const CLIENTS = argument('clients', 50);
const MODULES = argument('modules', 20);
const run = Date.now().toString(36);


async function setup(): Promise<{ moduleIds: string[]; tokens: string[] }> {
  const login = (email: string, password: string) => gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password }).then((d) => d.login.accessToken as string);
  const adminToken = await login(admin.email, admin.password);
  const curator = { email: `bench-kurator-${run}@example.id`, password: 'rahasia-kurator-1', displayName: 'Kurator Bench' };
  await gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: curator }, adminToken);
  const curatorToken = await login(curator.email, curator.password);
  const owner = await gql(`mutation($i: RegisterContributorInput!) { registerContributor(input: $i) { accessToken } }`, {
    i: { email: `bench-kontributor-${run}@example.id`, password: 'rahasia-kuat-123', displayName: 'Kontributor Bench', kind: 'INDIVIDUAL' },
  });
  const ownerToken = owner.registerContributor.accessToken as string;

  const moduleIds = await inBatches(MODULES, 5, async (index) => {
    const input = {
      title: `Modul Uji Beban Nomor ${index + 1} ${run}`,
      summary: `Ringkasan modul uji beban nomor ${index + 1} untuk mengukur pendaftaran peserta.`,
      description: `Modul ini dipakai untuk mengukur kinerja pendaftaran.\n\n- Pelajaran pertama\n- Pelajaran kedua\n- Pelajaran ketiga`,
      categorySlug: 'pengembangan-diri',
      skills: ['uji beban'],
      level: 'BEGINNER',
      deliveryMode: 'SELF_PACED',
      priceIdr: index % 2,
      lessons: [{ title: 'Pelajaran pertama', kind: 'ARTICLE', durationMinutes: 10, body: 'Isi.' }],
    };
    const created = await gql(`mutation($input: ModuleInput!) { createModule(input: $input) { id } }`, { input }, ownerToken);
    const id = created.createModule.id as string;
    const submitted = await gql(`mutation($id: ID!) { submitModule(id: $id) { version } }`, { id }, ownerToken);
    await gql(`mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { status } }`, { input: { moduleId: id, expectedVersion: submitted.submitModule.version, decision: 'APPROVE' } }, curatorToken);
    return id;
  });

  // argon2id hashing makes registration slow on purpose: a few at a time.
  const tokens = await inBatches(CLIENTS, 4, async (index) => {
    const card = `9${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}${String(index).padStart(7, '0')}`;
    const data = await gql(`mutation($i: RegisterBeneficiaryInput!) { registerBeneficiary(input: $i) { accessToken } }`, {
      i: { email: `bench-peserta-${run}-${index}@example.id`, password: 'rahasia-kuat-123', displayName: `Peserta ${index}`, prakerjaCardNumber: card },
    });
    return data.registerBeneficiary.accessToken as string;
  });
  return { moduleIds, tokens };
}

const ENROLL = `mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { id chargedIdr } }`;

interface Figures extends LatencyFigures {
  scenario: string;
  errors: number;
}


/** Each client sends its enroll calls one after another; all clients at once. */
async function measure(scenario: string, tokens: string[], moduleIds: string[], order: (client: number, step: number) => number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, client) => {
      for (let step = 0; step < moduleIds.length; step++) {
        const sent = performance.now();
        try {
          await gql(ENROLL, { moduleId: moduleIds[order(client, step)] }, token);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { scenario, errors, ...latencyFigures(latencies, (performance.now() - started) / 1000) };
}

async function checkDatabase(moduleIds: string[]): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const ledger = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM wallets w WHERE w.balance_idr <> (SELECT coalesce(sum(amount_idr), 0) FROM ledger_entries l WHERE l.user_id = w.user_id)`,
    );
    const counters = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM modules m WHERE m.id = ANY($1) AND m.enrollment_count <> (SELECT count(*) FROM enrollments e WHERE e.module_id = m.id)`,
      [moduleIds],
    );
    const fees = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT enrollment_id FROM ledger_entries WHERE enrollment_id IS NOT NULL GROUP BY enrollment_id HAVING count(*) > 1) x`);
    console.log(`checks: wallets off their ledger ${ledger.rows[0].n}, modules with a wrong enrollmentCount ${counters.rows[0].n}, enrollments with two fees ${fees.rows[0].n}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`enroll bench against ${baseUrl}: ${CLIENTS} concurrent clients x ${MODULES} modules`);
  const setupStarted = Date.now();
  const { moduleIds, tokens } = await setup();
  console.log(`setup: ${moduleIds.length} modules published, ${tokens.length} beneficiaries registered in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

  // Split the modules so each timed scenario creates new enrollments only; the first two warm the API up (JIT, pools).
  const warmModules = moduleIds.slice(0, 2);
  const half = 2 + Math.floor((moduleIds.length - 2) / 2);
  const spreadModules = moduleIds.slice(2, half);
  const hotModules = moduleIds.slice(half);
  for (let round = 0; round < 3; round++) await measure('warm-up', tokens, warmModules, (client, step) => (client + step) % warmModules.length);
  const results = [
    await measure('spread (new enrollments)', tokens, spreadModules, (client, step) => (client + step) % spreadModules.length),
    await measure('hot (new enrollments)', tokens, hotModules, (_client, step) => step),
    await measure('hot replay (idempotent)', tokens, hotModules, (_client, step) => step),
  ];
  console.table(results);
  await checkDatabase(moduleIds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
