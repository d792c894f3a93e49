import { InProcessDispatcher } from './in-process-dispatcher';
import { JobHandlers } from './job-handlers';
import { JobName } from './jobs';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('InProcessDispatcher', () => {
  it('runs a search sync while a notification of the same batch is still running', async () => {
    const handlers = new JobHandlers();
    const notification = deferred();
    const ran: string[] = [];
    handlers.register(JobName.NOTIFY, async () => {
      ran.push('notify started');
      await notification.promise;
      ran.push('notify done');
    });
    handlers.register(JobName.SYNC_MODULE, async ({ moduleId }) => void ran.push(`sync ${moduleId}`));
    const dispatched = new InProcessDispatcher(handlers).dispatch([
      { id: '1', job: JobName.NOTIFY, payload: { dedupeKey: 'k' } },
      { id: '2', job: JobName.SYNC_MODULE, payload: { moduleId: 'a' } },
    ]);
    await new Promise((resolve) => setImmediate(resolve));

    expect(ran).toEqual(['notify started', 'sync a']);
    notification.resolve();
    expect(await dispatched).toEqual(new Map());
    expect(ran).toEqual(['notify started', 'sync a', 'notify done']);
  });

  it('runs one queue’s jobs one after the other, in the batch’s order, and reports only the rows whose job failed', async () => {
    const handlers = new JobHandlers();
    const ran: string[] = [];
    let running = 0;
    handlers.register(JobName.SYNC_MODULE, async ({ moduleId }) => {
      running++;
      expect(running).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      ran.push(moduleId);
      if (moduleId === 'b') throw new Error('index unavailable');
    });

    const failures = await new InProcessDispatcher(handlers).dispatch([
      { id: '1', job: JobName.SYNC_MODULE, payload: { moduleId: 'a' } },
      { id: '2', job: JobName.SYNC_MODULE, payload: { moduleId: 'b' } },
      { id: '3', job: JobName.SYNC_MODULE, payload: { moduleId: 'c' } },
      { id: '4', job: JobName.SYNC_MODULE, payload: { moduleId: 'b' } },
    ]);

    expect(ran).toEqual(['a', 'b', 'c']);
    expect(failures).toEqual(new Map([['2', 'index unavailable'], ['4', 'index unavailable']]));
  });
});
