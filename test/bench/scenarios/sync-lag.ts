import type { PendingReview } from '../catalogue/seed-catalogue';
import type { GraphQLClient } from '../load/graphql-client';
import type { LoadGenerator } from '../load/load-generator';
import type { LoadFigures, LoadSpec } from '../load/load-protocol';
import { firstSuccess } from '../support/first-success';
import { summarizeLatencies, type LatencySummary } from '../support/stats';

const APPROVE = `mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { id status } }`;
const FIND = `query($query: String!) { searchModules(input: { query: $query, pageSize: 5 }) { hits { module { id } } } }`;
/** Longer than any sync-lag run: the load is stopped once the approvals are done. */
const LOAD_CEILING_SECONDS = 900;
const SEARCHABLE_DEADLINE_MS = 60_000;
/** A new probe search is sent this often until one finds the approved module. */
const PROBE_EVERY_MS = 100;

export interface SyncLagFigures {
  approvals: number;
  /** From sending reviewModule(APPROVE) to the first searchModules answer that holds the module. */
  lag: LatencySummary;
  /** The reviewModule calls alone. */
  approveLatency: LatencySummary;
  /** The search load that ran meanwhile. */
  searchLoad: LoadFigures;
}

/**
 * A curator approves the pending modules one after the other while the search
 * load runs; after each approval the module's unique title word is searched
 * until a search finds the module.
 */
export async function measureSyncLag(
  client: GraphQLClient,
  generator: LoadGenerator,
  searchSpec: Omit<LoadSpec, 'durationSeconds'>,
  curatorToken: string,
  pending: PendingReview[],
): Promise<SyncLagFigures> {
  let markStarted!: () => void;
  const loadStarted = new Promise<void>((resolve) => (markStarted = resolve));
  const load = generator.run({ ...searchSpec, durationSeconds: LOAD_CEILING_SECONDS }, markStarted);
  const loadEnded = load.then(
    () => 'ended' as const,
    () => 'ended' as const,
  );
  const lags: number[] = [];
  const approveLatencies: number[] = [];
  let failure: unknown;
  try {
    if ((await Promise.race([loadStarted, loadEnded])) === 'ended') throw new Error('The search load ended before it started');
    // One curator, one approval after the other; after each, the module's word is searched every
    // PROBE_EVERY_MS (probes overlap: under load one takes longer than that) until a search finds it.
    for (const review of pending) {
      const started = performance.now();
      await client.call(APPROVE, { input: { moduleId: review.id, expectedVersion: review.version, decision: 'APPROVE' } }, curatorToken);
      approveLatencies.push(performance.now() - started);
      const found = await firstSuccess(
        async () => {
          const data = await client.call<{ searchModules: { hits: { module: { id: string } }[] } }>(FIND, { query: review.word });
          return data.searchModules.hits.some((hit) => hit.module.id === review.id);
        },
        { everyMs: PROBE_EVERY_MS, timeoutMs: SEARCHABLE_DEADLINE_MS, what: `module ${review.id} to become searchable` },
      );
      lags.push(found - started);
    }
  } catch (error) {
    failure = error;
  } finally {
    generator.stopRun();
  }
  const searchLoad = await load;
  if (failure) throw failure;
  return { approvals: lags.length, lag: summarizeLatencies(lags), approveLatency: summarizeLatencies(approveLatencies), searchLoad };
}
