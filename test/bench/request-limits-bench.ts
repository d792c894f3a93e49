/**
 * Cost per request of the checks RequestLimitsPlugin runs before execution
 * (list bounds, then cost analysis), of the JSON depth scan, and of one
 * write-throttle consume (in process; in Redis with REDIS_URL). Not a Jest test. Run:
 *   node -r @swc-node/register test/bench/request-limits-bench.ts
 * The checks depend on the request alone, not on the number of modules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { buildSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { findOversizedList } from '../../src/graphql/list-bounds';
import { queryCost } from '../../src/graphql/query-cost';
import { jsonNestsDeeperThan } from '../../src/http/json-depth';
import { createLimiter } from '../../src/throttling/rate-limiters';

const schema = buildSchema(readFileSync(join(__dirname, '../../src/schema.gql'), 'utf8'));
const bounds = { default: 100, byArgument: { 'Mutation.importModules.items': 5_000 } };
const HEAVY_HIT = `hits { module { id title summary description skills lessons { id title kind body contentUrl durationMinutes }
  moderationHistory { fromStatus toStatus note createdAt actor { id displayName } } contributor { id displayName } category { slug name } } highlight { title summary } }`;
const importItem = (i: number) => ({
  title: `Modul Impor Nomor ${i}`,
  summary: 'Ringkasan modul impor untuk pengukuran.'.repeat(3),
  description: 'Deskripsi modul impor. '.repeat(20),
  categorySlug: 'perkantoran',
  skills: ['excel', 'pembukuan'],
  level: 'BEGINNER',
  deliveryMode: 'SELF_PACED',
  priceIdr: 0,
  lessons: [
    { title: 'Pengantar', kind: 'ARTICLE', durationMinutes: 5, body: 'Isi pelajaran.' },
    { title: 'Video', kind: 'VIDEO', durationMinutes: 10, contentUrl: 'https://video.contoh.id/1.mp4' },
  ],
});

const CASES: { name: string; query: string; variables: Record<string, unknown>; runs: number }[] = [
  {
    name: 'README search (3 hits, a facet)',
    query: `{ searchModules(input: { query: "pemasran digtal", priceIdr: [0], pageSize: 3 }) { totalHits hits { module { title slug } highlight { title } } facets { category { value count } } } }`,
    variables: {},
    runs: 5_000,
  },
  {
    name: 'search page of 20, every facet, input in a variable',
    query: `query($i: SearchModulesInput!) { searchModules(input: $i) { totalHits page totalPages hits { module { id slug title summary priceIdr level durationMinutes ratingAverage ratingCount enrollmentCount
      category { slug name } contributor { id displayName contributorKind } } highlight { title summary } }
      facets { category { value count } level { value count } language { value count } deliveryMode { value count } priceIdr { value count } certificate { value count } } } }`,
    variables: { i: { query: 'excel', pageSize: 20, levels: ['BEGINNER'] } },
    runs: 5_000,
  },
  { name: '30 aliases x searchModules(pageSize: 100), heavy (refused)', query: `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: searchModules(input: { pageSize: 100 }) { totalHits ${HEAVY_HIT} }`).join(' ')} }`, variables: {}, runs: 200 },
  { name: 'importModules, 5,000 items in a variable', query: `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id total } }`, variables: { items: Array.from({ length: 5_000 }, (_, i) => importItem(i)) }, runs: 50 },
];

function timeUs(runs: number, action: () => unknown): number {
  for (let i = 0; i < Math.min(runs, 200); i++) action();
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) action();
  return Number(process.hrtime.bigint() - started) / 1_000 / runs;
}

async function main(): Promise<void> {
  for (const { name, query, variables, runs } of CASES) {
    const document = parse(query);
    if (validate(schema, document).length > 0) throw new Error(`${name}: invalid against src/schema.gql`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const cost = queryCost(schema, document, operation, variables);
    const bodyBytes = Buffer.from(JSON.stringify({ query, variables }));
    const checks = timeUs(runs, () => {
      findOversizedList(schema, document, variables, bounds);
      queryCost(schema, document, operation, variables);
    });
    const depth = timeUs(runs, () => jsonNestsDeeperThan(bodyBytes, 32));
    console.log(`${name}: cost ${cost}; list bounds + cost ${checks.toFixed(1)} µs; JSON depth scan of ${bodyBytes.length} bytes ${depth.toFixed(1)} µs`);
  }
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : null;
  const limiter = createLimiter(redis, `bench-${process.pid}:throttle:writes`, 1_000_000, 60);
  const runs = 2_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await limiter.consume(`user-${i % 100}`);
  console.log(`write throttle consume (${redis ? 'Redis' : 'in process'}): ${(Number(process.hrtime.bigint() - started) / 1_000 / runs).toFixed(1)} µs, awaited one by one`);
  redis?.disconnect();
}

void main();
