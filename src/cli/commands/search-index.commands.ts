import { Command } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { DataSource } from 'typeorm';
import { ConfigError } from '../../config/app-config';
import { AppConfig, loadConfig } from '../../config/config';
import { JobName } from '../../queue/jobs';
import { withDatabase } from '../database-session';

const POLL_MS = 500;
const TIMEOUT_MS = 30 * 60 * 1000;

/** The in-process index lives in the API's memory: a separate process cannot rebuild it. */
function requireSharedDatabase(config: AppConfig, command: string): void {
  if (!config.databaseUrl) {
    throw new ConfigError(`${command} needs DATABASE_URL: on the embedded defaults the search index lives inside the API process; use the reindexSearch mutation, or restart the API (it builds the index at start)`);
  }
}

/** Asks the running service (API or worker, through the outbox) to rebuild its index, and follows the job; searches keep answering from the old index meanwhile. */
@Command({ name: 'reindex', description: 'rebuild the search index (run by the API or a worker; needs DATABASE_URL)' })
export class ReindexCommand extends OperatorCommand {
  async run(): Promise<void> {
    const config = loadConfig();
    requireSharedDatabase(config, 'reindex');
    await withDatabase(config, async (dataSource) => {
      const jobId = await dataSource.transaction(async (manager) => {
        const [{ id }] = await manager.query(`INSERT INTO reindex_jobs DEFAULT VALUES RETURNING id`);
        await manager.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, $2)`, [JobName.REINDEX, { reindexJobId: id }]);
        return id as string;
      });
      console.log(`Reindex job ${jobId} queued; the API or a worker runs it.`);
      await followReindex(dataSource, jobId);
    });
  }
}

/** Queues the daily reconciliation now; the service logs what it repaired. */
@Command({ name: 'reconcile', description: 'queue a reconciliation of the search index with the database now (needs DATABASE_URL)' })
export class ReconcileCommand extends OperatorCommand {
  async run(): Promise<void> {
    const config = loadConfig();
    requireSharedDatabase(config, 'reconcile');
    await withDatabase(config, async (dataSource) => {
      await dataSource.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, '{}')`, [JobName.RECONCILE_INDEX]);
      console.log('Reconciliation queued; the service logs what it repairs.');
    });
  }
}

async function followReindex(dataSource: DataSource, jobId: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const [job] = await dataSource.query(`SELECT state, indexed_documents, error FROM reindex_jobs WHERE id = $1`, [jobId]);
    if (job.state === 'SUCCEEDED') return console.log(`Done: ${job.indexed_documents} documents indexed.`);
    if (job.state === 'FAILED') throw new Error(`reindex failed: ${job.error}`);
    if (Date.now() > deadline) throw new Error(`reindex still ${job.state} after 30 minutes; is the API or a worker running?`);
    if (process.stdout.isTTY) process.stdout.write(`\r${job.state} ${job.indexed_documents} documents`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
