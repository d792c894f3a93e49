import type { Queue } from 'bullmq';
import { bullJobId, BullMqDispatcher, jobOptions, outboxRowOf } from './bullmq-dispatcher';
import { JobName, QueueName } from './jobs';

/** Records what would be added to each queue (the queues themselves are BullMQ's, tested against Redis in integration). */
function recordingQueues() {
  const added = new Map<QueueName, { name: string; data: unknown; opts: { jobId?: string } }[]>();
  const queues = new Map(
    Object.values(QueueName).map((name) => [name, { addBulk: async (jobs: never[]) => void added.set(name, [...(added.get(name) ?? []), ...jobs]) } as unknown as Queue]),
  );
  return { queues, added };
}

describe('BullMqDispatcher', () => {
  it('adds one job per distinct job of a batch, named by the last outbox row asking for it, to the job’s queue', async () => {
    const { queues, added } = recordingQueues();
    await new BullMqDispatcher(queues, jobOptions({ doneHours: 24, givenUpDays: 30 })).dispatch([
      { id: '1', job: JobName.SYNC_MODULE, payload: { moduleId: 'a' } },
      { id: '2', job: JobName.SYNC_MODULE, payload: { moduleId: 'b' } },
      { id: '3', job: JobName.SYNC_MODULE, payload: { moduleId: 'a' } },
      { id: '4', job: JobName.NOTIFY, payload: { notificationKey: 'k' } },
    ]);

    expect(added.get(QueueName.SEARCH_SYNC)!.map((job) => [job.opts.jobId, job.data])).toEqual([
      ['outbox-3', { moduleId: 'a' }],
      ['outbox-2', { moduleId: 'b' }],
    ]);
    expect(added.get(QueueName.NOTIFICATIONS)!.map((job) => job.opts.jobId)).toEqual(['outbox-4']);
  });

  it('names a row retried by an operator as a new job, and finds the row of any outbox job id', () => {
    expect(bullJobId({ id: '7' })).toBe('outbox-7');
    expect(bullJobId({ id: '7', retries: 2 })).toBe('outbox-7-retry-2');
    expect([outboxRowOf('outbox-7'), outboxRowOf('outbox-7-retry-2'), outboxRowOf('repeat:reconcile-index:1'), outboxRowOf(undefined)]).toEqual(['7', '7', undefined, undefined]);
  });

  it('removes finished jobs by age and count, failed ones after the longer retention', () => {
    expect(jobOptions({ doneHours: 24, givenUpDays: 30 })).toMatchObject({
      attempts: 30,
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 30 * 86_400, count: 10_000 },
    });
  });
});
