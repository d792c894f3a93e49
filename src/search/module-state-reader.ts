import DataLoader from 'dataloader';
import type { ModuleState } from './hit-check';

/** Ids per query: one `id = ANY` over this many stays a quick indexed read. */
const MAX_IDS_PER_READ = 1_000;

/**
 * Reads the hit check's module states for all concurrent searches, at most
 * `maxInFlight` queries at a time: ids asked for while that many run wait
 * and go together in the next query, started as one ends. Without this each
 * search queued a query of its own for the pool's connections (the embedded
 * mode has one), and every other statement (an approval, the outbox relay,
 * a sync job's reads) waited behind all of them. A query always starts after
 * the calls it answers, so what it reads is never older than a call.
 */
export class ModuleStateReader {
  private running = 0;
  private readonly queued: (() => void)[] = [];
  private readonly loader: DataLoader<string, ModuleState | null>;

  constructor(
    query: (ids: string[]) => Promise<Map<string, ModuleState>>,
    private readonly maxInFlight: number,
  ) {
    this.loader = new DataLoader<string, ModuleState | null>(
      async (ids) => {
        try {
          const states = await query([...new Set(ids)]);
          return ids.map((id) => states.get(id) ?? null);
        } finally {
          this.running--;
          const next = this.queued.shift();
          if (next) this.start(next);
        }
      },
      { cache: false, maxBatchSize: MAX_IDS_PER_READ, batchScheduleFn: (dispatch) => this.schedule(dispatch) },
    );
  }

  /** The states of those of `ids` the database holds. */
  async read(ids: string[]): Promise<Map<string, ModuleState>> {
    const states = await this.loader.loadMany(ids);
    const found = new Map<string, ModuleState>();
    states.forEach((state, i) => {
      if (state instanceof Error) throw state;
      if (state) found.set(ids[i], state);
    });
    return found;
  }

  /** A batch is dispatched at the end of this tick (the calls of this tick go together), unless enough queries run already. */
  private schedule(dispatch: () => void): void {
    if (this.running < this.maxInFlight) this.start(() => process.nextTick(dispatch));
    else this.queued.push(dispatch);
  }

  private start(dispatch: () => void): void {
    this.running++;
    dispatch();
  }
}
