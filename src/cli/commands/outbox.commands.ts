import { Queue } from 'bullmq';
import { Command, Option } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { AppConfig, loadConfig } from '../../config/config';
import { QueueName } from '../../queue/jobs';
import { givenUpRows, outboxStatus, retryGivenUp } from '../../queue/outbox-status';
import { producerConnection } from '../../queue/redis-connection';
import { UsageError } from '../cli-errors';
import { withDatabase } from '../database-session';

const LISTED_GIVEN_UP = 10;
const OUTBOX_ID = /^[1-9]\d{0,17}$/;

/** What waits in the outbox, since when, and what gave up (with BullMQ's counts when REDIS_URL is set). */
@Command({ name: 'outbox-status', description: 'pending and given-up background jobs, and the oldest pending age' })
export class OutboxStatusCommand extends OperatorCommand {
  async run(): Promise<void> {
    const config = loadConfig();
    await withDatabase(config, async (dataSource) => {
      const status = await outboxStatus(dataSource);
      console.log(`pending: ${status.pending}`);
      console.log(`oldest pending: ${status.oldestPendingSeconds === null ? '-' : `${status.oldestPendingSeconds} s`}`);
      console.log(`given up: ${status.givenUp}`);
      for (const row of await givenUpRows(dataSource, LISTED_GIVEN_UP)) {
        console.log(`  #${row.id} ${row.job} after ${row.attempts} attempt(s), ${new Date(row.failedAt).toISOString()}: ${row.lastError ?? ''}`);
      }
    });
    if (config.redisUrl) await printQueueCounts(config, config.redisUrl);
  }
}

/** Puts given-up rows back in line with fresh attempts. */
@Command({ name: 'outbox-retry', description: 'retry given-up background jobs: --id N, or --all' })
export class OutboxRetryCommand extends OperatorCommand {
  async run(_: string[], options: { id?: string; all?: boolean }): Promise<void> {
    if (Boolean(options.id) === Boolean(options.all)) throw new UsageError('outbox-retry takes --id N or --all');
    await withDatabase(loadConfig(), async (dataSource) => {
      const ids = await retryGivenUp(dataSource, options.id);
      if (options.id && ids.length === 0) throw new Error(`outbox row ${options.id} has not given up (or does not exist); nothing retried`);
      console.log(`Retrying ${ids.length} given-up outbox row(s)${ids.length ? `: ${ids.join(', ')}` : ''}.`);
    });
  }

  @Option({ flags: '--id <n>', description: 'the outbox row id (from outbox-status)' })
  parseId(value: string): string {
    if (!OUTBOX_ID.test(value)) throw new UsageError(`--id must be an outbox row id, not '${value}'`);
    return value;
  }

  @Option({ flags: '--all', description: 'every given-up row' })
  parseAll(): boolean {
    return true;
  }
}

/** BullMQ's own counts (scheduled jobs have no outbox row to show them). */
async function printQueueCounts(config: AppConfig, redisUrl: string): Promise<void> {
  const connection = producerConnection(redisUrl);
  try {
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection, prefix: config.queuePrefix });
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      console.log(`queue ${name}: ${counts.waiting} waiting, ${counts.active} active, ${counts.delayed} delayed (retrying), ${counts.failed} failed`);
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
