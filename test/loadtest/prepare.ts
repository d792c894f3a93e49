import { Client } from 'pg';
import { loadCorpus, uniqueWord } from '../bench/catalogue/catalogue-generator';
import { seedCatalogue } from '../bench/catalogue/seed-catalogue';
import { runMigrations } from '../bench/database/bench-database';
import type { GraphQLClient } from '../bench/load/graphql-client';
import { ADMIN } from '../bench/processes/api-process';
import { searchLoadMix } from '../bench/queries/search-queries';
import { createCurator, forEachConcurrently, login, registerBeneficiaryAccount, registerContributor } from '../bench/scenarios/accounts';
import type { LoadtestOptions } from './loadtest-options';
import { emptyAcceptedWrites, type World } from './world';

const CORPUS_SEED = 42;
/** Distinct search requests; drawn with Zipf frequencies, so the first few are sent again and again. */
const SEARCH_REQUESTS = 1_000;
/** registerBeneficiary hashes a password (argon2id, 19 MiB): a few at a time. */
const REGISTRATION_CONCURRENCY = 4;
const TRAINING_CREDIT_IDR = 1_000_000;

export type Catalogue = Omit<World, 'beneficiaries' | 'contributorTokens' | 'curatorToken' | 'adminToken' | 'accepted'> & { seedSeconds: number; published: number };

/**
 * Migrates the scratch database and bulk-inserts the bench's catalogue before
 * the API starts. The modules the load reads and enrols in get a word of
 * their own in the title, so the checks can find each one by search.
 */
export async function prepareCatalogue(url: string, options: LoadtestOptions): Promise<Catalogue> {
  await runMigrations(url);
  const corpus = loadCorpus(CORPUS_SEED);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const seeded = await seedCatalogue(client, corpus, { published: options.modules, pendingReviews: options.pendingReviews });
    const targets = seeded.enrolTargets;
    const words = targets.map(() => uniqueWord(corpus.random));
    const { rows } = await client.query<{ id: string; slug: string }>(
      `UPDATE modules m SET title = left(m.title, 100) || ' ' || t.word FROM unnest($1::uuid[], $2::text[]) AS t(id, word) WHERE m.id = t.id RETURNING m.id, m.slug`,
      [targets.map((target) => target.id), words],
    );
    // The bench's catalogue invents counters (ratings, enrollments) without their rows; from zero, every counter can be checked against its rows after the load.
    await client.query(`UPDATE modules SET enrollment_count = 0, completion_count = 0, rating_sum = 0, rating_count = 0`);
    const slugs = new Map(rows.map((row) => [row.id, row.slug]));
    const categorySlugs = (await client.query<{ slug: string }>('SELECT slug FROM categories ORDER BY position')).rows.map((row) => row.slug);
    return {
      published: seeded.published,
      seedSeconds: seeded.seconds,
      searches: searchLoadMix({ vocabulary: corpus.vocabulary, categorySlugs, random: corpus.random }, SEARCH_REQUESTS),
      modules: targets.map((target, i) => ({ id: target.id, slug: slugs.get(target.id)!, word: words[i] })),
      reviewQueue: seeded.pendingReviews.map((review) => ({ ...review })),
    };
  } finally {
    await client.end();
  }
}

/** Accounts through the API, as real users get them: beneficiaries, contributors, a curator, the admin. */
export async function prepareWorld(client: GraphQLClient, catalogue: Catalogue, options: LoadtestOptions): Promise<World> {
  const accounts = await forEachConcurrently(options.beneficiaries, REGISTRATION_CONCURRENCY, (index) => registerBeneficiaryAccount(client, index));
  const contributorTokens = await forEachConcurrently(options.contributors, REGISTRATION_CONCURRENCY, () => registerContributor(client));
  return {
    beneficiaries: accounts.map((account) => ({ ...account, knownBalanceIdr: TRAINING_CREDIT_IDR, enrollments: new Map(), spends: [] })),
    contributorTokens,
    curatorToken: await createCurator(client),
    adminToken: await login(client, ADMIN.email, ADMIN.password),
    searches: catalogue.searches,
    modules: catalogue.modules,
    reviewQueue: catalogue.reviewQueue,
    accepted: emptyAcceptedWrites(),
  };
}
