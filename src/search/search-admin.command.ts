import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/app-config';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { JobName } from '../queue/jobs';

const POLL_MS = 500;
const TIMEOUT_MS = 30 * 60 * 1000;

/**
 * `npm run reindex` asks the running service to rebuild its search index (like
 * the reindexSearch mutation) and follows the job until it ends; searches keep
 * answering from the old index meanwhile. `npm run reconcile` queues an
 * immediate reconciliation (the daily one, on demand); the service logs what it
 * repaired. Both go through the outbox, so the API or a worker runs them.
 */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'reindex' && command !== 'reconcile') throw new Error('usage: search-admin.command.js reindex|reconcile');
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(`npm run ${command} needs DATABASE_URL: the embedded database belongs to the running API. Use the reindexSearch mutation, or restart the API (the in-process index is built at start).`);
  }
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    if (command === 'reconcile') {
      await dataSource.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, '{}')`, [JobName.RECONCILE_INDEX]);
      return console.log('Reconciliation queued; the service logs what it repairs.');
    }
    const jobId = await dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query(`INSERT INTO reindex_jobs DEFAULT VALUES RETURNING id`);
      await manager.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, $2)`, [JobName.REINDEX, { reindexJobId: id }]);
      return id as string;
    });
    console.log(`Reindex job ${jobId} queued; the API or a worker runs it.`);
    await followReindex(dataSource, jobId);
  } finally {
    await dataSource.destroy();
  }
}

async function followReindex(dataSource: DataSource, jobId: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const [job] = await dataSource.query(`SELECT state, indexed_documents, error FROM reindex_jobs WHERE id = $1`, [jobId]);
    if (job.state === 'SUCCEEDED') return console.log(`\nDone: ${job.indexed_documents} documents indexed.`);
    if (job.state === 'FAILED') throw new Error(`Reindex failed: ${job.error}`);
    if (Date.now() > deadline) throw new Error(`Reindex still ${job.state} after 30 minutes; is the API or a worker running?`);
    process.stdout.write(`\r${job.state} ${job.indexed_documents} documents`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
