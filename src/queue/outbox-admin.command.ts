import 'reflect-metadata';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/app-config';
import { AppConfig, loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { QueueName } from './jobs';
import { givenUpRows, outboxStatus, retryGivenUp } from './outbox-status';
import { producerConnection } from './redis-connection';

const USAGE = 'usage: npm run outbox -- status | retry --id <outbox row id> | retry --all';
const LISTED_GIVEN_UP = 10;

class UsageError extends Error {}

type Command = { name: 'status' } | { name: 'retry'; id?: string };

function parse(args: string[]): Command {
  const [name, ...rest] = args;
  if (name === 'status' && rest.length === 0) return { name };
  if (name === 'retry' && rest.length === 1 && rest[0] === '--all') return { name };
  if (name === 'retry' && rest.length === 2 && rest[0] === '--id' && /^[1-9]\d{0,17}$/.test(rest[1])) return { name, id: rest[1] };
  throw new UsageError(USAGE);
}

/**
 * `npm run outbox -- status` prints what waits in the outbox, since when, and
 * what gave up (with BullMQ's failed jobs when REDIS_URL is set); `retry`
 * puts given-up rows back in line with fresh attempts.
 */
async function main(args: string[]): Promise<void> {
  const command = parse(args);
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('npm run outbox needs DATABASE_URL: the embedded database belongs to the running API (see its /health for the outbox figures).');
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    if (command.name === 'retry') {
      const ids = await retryGivenUp(dataSource, command.id);
      if (command.id && ids.length === 0) throw new Error(`Outbox row ${command.id} has not given up (or does not exist); nothing retried.`);
      return console.log(`Retrying ${ids.length} given-up outbox row(s)${ids.length ? `: ${ids.join(', ')}` : ''}.`);
    }
    const status = await outboxStatus(dataSource);
    console.log(`pending: ${status.pending}`);
    console.log(`oldest pending: ${status.oldestPendingSeconds === null ? '-' : `${status.oldestPendingSeconds} s`}`);
    console.log(`given up: ${status.givenUp}`);
    for (const row of await givenUpRows(dataSource, LISTED_GIVEN_UP)) {
      console.log(`  #${row.id} ${row.job} after ${row.attempts} attempt(s), ${new Date(row.failedAt).toISOString()}: ${row.lastError ?? ''}`);
    }
    if (config.redisUrl) await printQueueFailures(config, config.redisUrl);
  } finally {
    await dataSource.destroy();
  }
}

/** BullMQ's own count of failed jobs (scheduled jobs have no outbox row to show them). */
async function printQueueFailures(config: AppConfig, redisUrl: string): Promise<void> {
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

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
