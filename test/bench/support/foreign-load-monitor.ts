import { cpus } from 'node:os';
import { processTable, TICKS_PER_SECOND } from './process-table';

/** Servers the bench itself loads (their CPU is part of what is measured). */
const SHARED_SERVERS = /^(postgres|redis-server|meilisearch)\b|\/postgres\b/;
const SAMPLE_EVERY_MS = 2_000;

/**
 * Samples the process table while the bench runs and adds up the CPU time of
 * processes that are neither the bench's own (itself and its descendants)
 * nor the servers it loads: e.g. a test suite started on the same machine,
 * which takes cores away from every measurement.
 */
export class ForeignLoadMonitor {
  private readonly seen = new Map<number, { command: string; first: number; last: number; ours: boolean }>();
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(private readonly rootPid = process.pid) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops sampling; the busiest foreign processes with their CPU seconds during the run. */
  stop(): { coreSeconds: number; shareOfMachine: number; top: string[] } {
    clearInterval(this.timer);
    this.sample();
    const foreign = [...this.seen.values()].filter((entry) => !entry.ours).map((entry) => ({ command: entry.command, seconds: (entry.last - entry.first) / TICKS_PER_SECOND }));
    const coreSeconds = foreign.reduce((sum, entry) => sum + entry.seconds, 0);
    const wallSeconds = (performance.now() - this.started) / 1000;
    const cores = Math.max(1, cpus().length);
    const top = foreign
      .filter((entry) => entry.seconds >= 1)
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 5)
      .map((entry) => `${entry.command.slice(0, 90)} (${entry.seconds.toFixed(0)} s)`);
    return { coreSeconds, shareOfMachine: coreSeconds / (wallSeconds * cores), top };
  }

  private sample(): void {
    const initial = this.seen.size === 0;
    const table = processTable();
    const parents = new Map(table.map((row) => [row.pid, row.ppid]));
    const isOurs = (pid: number) => {
      for (let current: number | undefined = pid, depth = 0; current && depth < 64; current = parents.get(current), depth++) {
        if (current === this.rootPid) return true;
      }
      return false;
    };
    for (const row of table) {
      const known = this.seen.get(row.pid);
      if (known && known.command === row.command) {
        known.last = row.ticks;
      } else {
        // A process already running at the start counts from then; one started during the run, from 0.
        const first = initial ? row.ticks : 0;
        this.seen.set(row.pid, { command: row.command, first, last: row.ticks, ours: isOurs(row.pid) || row.pid === process.pid || SHARED_SERVERS.test(row.command) || row.command === '' });
      }
    }
  }
}
