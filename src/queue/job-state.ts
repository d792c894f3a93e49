import { registerEnumType } from '@nestjs/graphql';

/** The state of a long-running job a client follows (ReindexJob, ImportJob). */
export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(JobState, { name: 'JobState' });
