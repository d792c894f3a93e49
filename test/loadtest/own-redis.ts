import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../bench/processes/api-process';
import type { CleanupStack } from '../bench/support/cleanup';
import { spawnChild, type ChildHandle } from '../bench/support/child-process';
import { pollUntil } from '../bench/support/poll';

/**
 * A redis-server of the run's own, on a free loopback port, that the fault
 * scenario may stop and start: the machine's Redis serves other work. Its data
 * persists across the stop as a production Redis for BullMQ's would (AOF,
 * noeviction), so jobs BullMQ had accepted survive the restart.
 */
export class OwnRedis {
  private child?: ChildHandle;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(cleanup: CleanupStack): Promise<OwnRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'dm-loadtest-redis-'));
    cleanup.push(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
    const redis = new OwnRedis(await freePort(), dir);
    cleanup.push('stop the run’s redis-server', () => redis.stop());
    await redis.resume();
    return redis;
  }

  /** Starts (again) on the same port and data directory, and waits for PONG. */
  async resume(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];
    this.child = spawnChild('redis-server', 'redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    await pollUntil(() => this.ping().then((up) => (up ? true : undefined)), { timeoutMs: 15_000, intervalMs: 50, what: `redis-server on port ${this.port}` });
  }

  /** A clean shutdown (SIGTERM: the append-only file is flushed); resolves once the process has exited. */
  async stop(): Promise<void> {
    await this.child?.stop(5_000);
    this.child = undefined;
  }

  private async ping(): Promise<boolean> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
