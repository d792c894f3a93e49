/** Queues (BullMQ queue names) and the jobs each one carries. */
export enum QueueName {
  SEARCH_SYNC = 'search-sync',
  MODULE_IMPORTS = 'module-imports',
  NOTIFICATIONS = 'notifications',
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
  /** Write one notification; idempotent by its dedupe key. */
  NOTIFY = 'notify',
  /** Tell a beneficiary their training credit is used up, with fitting free modules; once per exhausting ledger entry. */
  NOTIFY_CREDIT_EXHAUSTED = 'notify-credit-exhausted',
  /** Recompute m of Module.ratingScore; when it moved, rescore every search document. */
  REFRESH_RATING_MEAN = 'refresh-rating-mean',
}

/**
 * The payload of each job. A payload made of a feature's own types is declared by that feature,
 * merged into this interface (NOTIFY: src/notifications/notify-payload.ts), so src/queue imports no feature.
 */
export interface JobPayloads {
  [JobName.SYNC_MODULE]: { moduleId: string };
  [JobName.RECONCILE_INDEX]: Record<string, never>;
  [JobName.REINDEX]: { reindexJobId: string };
  [JobName.IMPORT_MODULES]: { importJobId: string };
  [JobName.NOTIFY_CREDIT_EXHAUSTED]: { userId: string; ledgerEntryId: string };
  [JobName.REFRESH_RATING_MEAN]: Record<string, never>;
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SYNC_MODULE]: QueueName.SEARCH_SYNC,
  [JobName.RECONCILE_INDEX]: QueueName.SEARCH_SYNC,
  [JobName.REINDEX]: QueueName.SEARCH_SYNC,
  [JobName.IMPORT_MODULES]: QueueName.MODULE_IMPORTS,
  [JobName.NOTIFY]: QueueName.NOTIFICATIONS,
  [JobName.NOTIFY_CREDIT_EXHAUSTED]: QueueName.NOTIFICATIONS,
  [JobName.REFRESH_RATING_MEAN]: QueueName.SEARCH_SYNC,
};

export type JobHandler<J extends JobName> = (payload: JobPayloads[J]) => Promise<void>;
