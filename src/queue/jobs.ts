/** Queues (BullMQ queue names) and the jobs each one carries. */
export enum QueueName {
  SEARCH_SYNC = 'search-sync',
  MODULE_IMPORTS = 'module-imports',
}

export enum JobName {
  /** Bring one module's search document in line with the database (upsert if PUBLISHED, delete otherwise). */
  SYNC_MODULE = 'sync-module',
  /** Compare the database's PUBLISHED set with the index and repair drift. */
  RECONCILE_INDEX = 'reconcile-index',
  /** Build a fresh index from the database and swap it in (a ReindexJob row tracks it). */
  REINDEX = 'reindex',
  /** Create the valid items of an import as DRAFT modules, in batches (an ImportJob row tracks it). */
  IMPORT_MODULES = 'import-modules',
}

/** The payload of each job. */
export interface JobPayloads {
  [JobName.SYNC_MODULE]: { moduleId: string };
  [JobName.RECONCILE_INDEX]: Record<string, never>;
  [JobName.REINDEX]: { reindexJobId: string };
  [JobName.IMPORT_MODULES]: { importJobId: string };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SYNC_MODULE]: QueueName.SEARCH_SYNC,
  [JobName.RECONCILE_INDEX]: QueueName.SEARCH_SYNC,
  [JobName.REINDEX]: QueueName.SEARCH_SYNC,
  [JobName.IMPORT_MODULES]: QueueName.MODULE_IMPORTS,
};

export type JobHandler<J extends JobName> = (payload: JobPayloads[J]) => Promise<void>;
