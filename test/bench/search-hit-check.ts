/**
 * What the database check of search hits costs per search: the extra query
 * (`SELECT id, status, version FROM modules WHERE id = ANY($1)`, one per page)
 * and whole searchModules requests that answer from the index documents, on
 * a catalogue of MODULES published modules in a scratch PostgreSQL database.
 * Sequential requests (one client), so the figures are latencies, not load.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r @swc-node/register test/bench/search-hit-check.ts [modules=100000] [searches=1000]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { loadCorpus } from './catalogue/catalogue-generator';
import { seedCatalogue } from './catalogue/seed-catalogue';
import { createScratchDatabase, runMigrations, stamp, withClient } from './database/bench-database';
import { SEARCH_QUERY, searchLoadMix, searchVariables } from './queries/search-queries';
import { CleanupStack } from './support/cleanup';
import { summarizeLatencies } from './support/stats';

const CHECK = 'SELECT id, status, version FROM modules WHERE id = ANY($1::uuid[])';

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (a scratch database is created on it and dropped)');
  const modules = Number(process.argv[2] ?? 100_000);
  const searches = Number(process.argv[3] ?? 1_000);
  const cleanup = new CleanupStack();
  process.on('SIGINT', () => void cleanup.runAll().then(() => process.exit(130)));
  try {
    const url = await createScratchDatabase(serverUrl, `bench_hits_${stamp()}`, cleanup);
    await runMigrations(url);
    const corpus = loadCorpus(7);
    const seeded = await withClient(url, (client) => seedCatalogue(client, corpus, { published: modules, pendingReviews: 0 }));
    const categorySlugs = await withClient(url, async (client) => (await client.query<{ slug: string }>('SELECT slug FROM categories')).rows.map((row) => row.slug));
    console.log(`seeded ${seeded.published} published modules in ${seeded.seconds.toFixed(0)} s`);

    const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-hits-'));
    cleanup.push(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATA_DIR: dataDir, JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789', SEED_DEMO: 'false', LOG_LEVEL: 'error' });
    const started = performance.now();
    const app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    cleanup.push('stop the API', () => app.close());
    const baseUrl = await app.getUrl();
    console.log(`API ready with the in-process index in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const requests = searchLoadMix({ vocabulary: corpus.vocabulary, categorySlugs, random: corpus.random }, searches);
    const search = async (variables: object) => {
      const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCH_QUERY, variables }) });
      const body = (await response.json()) as { data?: { searchModules: { hits: { module: { id: string } }[] } }; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!.searchModules.hits.map((hit) => hit.module.id);
    };
    for (const request of requests.slice(0, 100)) await search(searchVariables(request)); // warm-up

    const requestMs: number[] = [];
    const pages: string[][] = [];
    for (const request of requests) {
      const start = performance.now();
      pages.push(await search(searchVariables(request)));
      requestMs.push(performance.now() - start);
    }
    const checkMs: number[] = [];
    await withClient(url, async (client) => {
      for (const ids of pages.slice(0, 100)) await client.query(CHECK, [ids]); // warm-up
      for (const ids of pages) {
        const start = performance.now();
        await client.query(CHECK, [ids]);
        checkMs.push(performance.now() - start);
      }
    });
    const hitsPerPage = pages.reduce((sum, ids) => sum + ids.length, 0) / pages.length;
    const format = (s: ReturnType<typeof summarizeLatencies>) => `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (n=${s.count})`;
    console.log(`hits per page: ${hitsPerPage.toFixed(1)}`);
    console.log(`hit check query:     ${format(summarizeLatencies(checkMs))}`);
    console.log(`whole search request: ${format(summarizeLatencies(requestMs))}`);
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
