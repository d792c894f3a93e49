import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/app-config';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { JobName } from '../queue/jobs';

const POLL_MS = 500;
const TIMEOUT_MS = 30 * 60 * 1000;

/**
 * `npm run reindex`: asks the running service to rebuild its search index
 * (through the outbox, like the reindexSearch mutation) and follows the job
 * until it ends. Searches keep answering from the old index meanwhile.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError('npm run reindex needs DATABASE_URL: the embedded database belongs to the running API. Use the reindexSearch mutation, or restart the API (the in-process index is built at start).');
  }
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    const jobId = await dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query(`INSERT INTO reindex_jobs DEFAULT VALUES RETURNING id`);
      await manager.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, $2)`, [JobName.REINDEX, { reindexJobId: id }]);
      return id as string;
    });
    console.log(`Reindex job ${jobId} queued; the API or a worker runs it.`);
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const [job] = await dataSource.query(`SELECT state, indexed_documents, error FROM reindex_jobs WHERE id = $1`, [jobId]);
      if (job.state === 'SUCCEEDED') return console.log(`Done: ${job.indexed_documents} documents indexed.`);
      if (job.state === 'FAILED') throw new Error(`Reindex failed: ${job.error}`);
      if (Date.now() > deadline) throw new Error(`Reindex still ${job.state} after 30 minutes; is the API or a worker running?`);
      process.stdout.write(`\r${job.state} ${job.indexed_documents} documents`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
