import type { ModuleChanges } from '../database/module-changes';
import type { ModuleState } from './hit-check';

/** Far above the catalogue's size (~13 MB at this size); reaching it starts afresh. */
const MAX_STATES = 200_000;

/**
 * The modules' status and version as last read, dropped whenever a commit may
 * have changed any (ModuleChanges, embedded mode only): a state is used only
 * while no module has changed since it was read, so it is what the database
 * holds now. Reads that overlapped a change answer their own request and are
 * not kept.
 */
export class ModuleStateCache {
  private readonly states = new Map<string, ModuleState>();
  private generation: number;

  constructor(private readonly changes: ModuleChanges) {
    this.generation = changes.generation;
  }

  async statesOf(ids: string[], read: (ids: string[]) => Promise<Map<string, ModuleState>>): Promise<Map<string, ModuleState>> {
    const generation = this.changes.generation;
    if (generation !== this.generation) {
      this.states.clear();
      this.generation = generation;
    }
    const known = new Map<string, ModuleState>();
    const unknown = ids.filter((id) => {
      const state = this.states.get(id);
      if (state) known.set(id, state);
      return !state;
    });
    if (unknown.length === 0) return known;
    const fresh = await read(unknown);
    const keep = this.changes.generation === generation;
    if (keep && this.states.size + fresh.size > MAX_STATES) this.states.clear();
    for (const [id, state] of fresh) {
      known.set(id, state);
      if (keep) this.states.set(id, state);
    }
    return known;
  }
}
