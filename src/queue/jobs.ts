/** Queues (BullMQ queue names) and the jobs each one carries. */
export enum QueueName {
  SEARCH_SYNC = 'search-sync',
}

export enum JobName {
  /** Bring one module's search document in line with the database (upsert if PUBLISHED, delete otherwise). */
  SYNC_MODULE = 'sync-module',
  /** Compare the database's PUBLISHED set with the index and repair drift. */
  RECONCILE_INDEX = 'reconcile-index',
  /** Build a fresh index from the database and swap it in (a ReindexJob row tracks it). */
  REINDEX = 'reindex',
}

/** The payload of each job. */
export interface JobPayloads {
  [JobName.SYNC_MODULE]: { moduleId: string };
  [JobName.RECONCILE_INDEX]: Record<string, never>;
  [JobName.REINDEX]: { reindexJobId: string };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SYNC_MODULE]: QueueName.SEARCH_SYNC,
  [JobName.RECONCILE_INDEX]: QueueName.SEARCH_SYNC,
  [JobName.REINDEX]: QueueName.SEARCH_SYNC,
};

export type JobHandler<J extends JobName> = (payload: JobPayloads[J]) => Promise<void>;
