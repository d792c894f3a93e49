import type { PendingReview } from '../catalogue/seed-catalogue';
import type { GraphQLClient } from '../load/graphql-client';
import type { LoadGenerator } from '../load/load-generator';
import type { LoadFigures, LoadSpec } from '../load/load-protocol';
import { pollUntil } from '../support/poll';
import { summarizeLatencies, type LatencySummary } from '../support/stats';

const APPROVE = `mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { id status } }`;
const FIND = `query($query: String!) { searchModules(input: { query: $query, pageSize: 5 }) { hits { module { id } } } }`;
/** Longer than any sync-lag run: the load is stopped once the approvals are done. */
const LOAD_CEILING_SECONDS = 900;
const SEARCHABLE_DEADLINE_MS = 60_000;
/** Approvals in flight at once (curators working side by side); each lane approves one module at a time. */
const CURATOR_LANES = 4;

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
 * Curators approve the pending modules while the search load runs (four at
 * a time, each one after the other); after each approval the module's unique
 * title word is searched until the module is found.
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
    const approveAndFind = async (review: PendingReview) => {
      const started = performance.now();
      await client.call(APPROVE, { input: { moduleId: review.id, expectedVersion: review.version, decision: 'APPROVE' } }, curatorToken);
      approveLatencies.push(performance.now() - started);
      await pollUntil(
        async () => {
          const data = await client.call<{ searchModules: { hits: { module: { id: string } }[] } }>(FIND, { query: review.word });
          return data.searchModules.hits.some((hit) => hit.module.id === review.id) ? true : undefined;
        },
        { timeoutMs: SEARCHABLE_DEADLINE_MS, intervalMs: 5, what: `module ${review.id} to become searchable` },
      );
      lags.push(performance.now() - started);
    };
    // A few curators at work at once, each approving one module after the other.
    await Promise.all(
      Array.from({ length: CURATOR_LANES }, async (_, lane) => {
        for (let i = lane; i < pending.length; i += CURATOR_LANES) await approveAndFind(pending[i]);
      }),
    );
  } catch (error) {
    failure = error;
  } finally {
    generator.stopRun();
  }
  const searchLoad = await load;
  if (failure) throw failure;
  return { approvals: lags.length, lag: summarizeLatencies(lags), approveLatency: summarizeLatencies(approveLatencies), searchLoad };
}
