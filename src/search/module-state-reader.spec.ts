import { ModuleStatus } from '../catalog/module-status';
import type { ModuleState } from './hit-check';
import { ModuleStateReader } from './module-state-reader';

const published = (version: number): ModuleState => ({ status: ModuleStatus.PUBLISHED, version });

/** A query per call, reading what the database holds at the call, answered when the test says so. */
function controlledQuery(database: Map<string, ModuleState>) {
  const calls: { ids: string[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const query = (ids: string[]) => {
    const rows = new Map(ids.flatMap((id) => (database.has(id) ? [[id, database.get(id)!] as const] : [])));
    return new Promise<Map<string, ModuleState>>((resolve, reject) => {
      calls.push({ ids, answer: () => resolve(rows), fail: reject });
    });
  };
  return { query, calls };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ModuleStateReader', () => {
  it('sends the reads asked for while a query runs together in one query, started once it ends', async () => {
    const database = new Map([
      ['a', published(1)],
      ['b', published(2)],
      ['c', published(3)],
    ]);
    const { query, calls } = controlledQuery(database);
    const reader = new ModuleStateReader(query, 1);

    const first = reader.read(['a']);
    await turn();
    const second = reader.read(['b', 'a']);
    const third = reader.read(['c', 'gone']);
    await turn();
    expect(calls.map((call) => call.ids)).toEqual([['a']]);

    database.set('a', published(9));
    calls[0].answer();
    await turn();
    expect(calls.map((call) => call.ids)).toEqual([['a'], ['b', 'a', 'c', 'gone']]);
    calls[1].answer();

    expect(await first).toEqual(new Map([['a', published(1)]]));
    // Read by a query that started after the call: the newer version.
    expect(await second).toEqual(new Map([['b', published(2)], ['a', published(9)]]));
    expect(await third).toEqual(new Map([['c', published(3)]]));
  });

  it('runs up to maxInFlight queries at once', async () => {
    const { query, calls } = controlledQuery(new Map([['a', published(1)]]));
    const reader = new ModuleStateReader(query, 2);

    const reads = [reader.read(['a'])];
    await turn();
    reads.push(reader.read(['a']));
    await turn();
    reads.push(reader.read(['a']));
    await turn();
    expect(calls).toHaveLength(2);

    calls[1].answer();
    await turn();
    expect(calls).toHaveLength(3);
    calls[0].answer();
    calls[2].answer();
    expect(await Promise.all(reads)).toEqual([1, 2, 3].map(() => new Map([['a', published(1)]])));
  });

  it('fails the reads of a failed query only, and goes on with the next', async () => {
    const { query, calls } = controlledQuery(new Map([['a', published(1)]]));
    const reader = new ModuleStateReader(query, 1);

    const failing = reader.read(['a']);
    await turn();
    const next = reader.read(['a']);
    calls[0].fail(new Error('connection lost'));

    await expect(failing).rejects.toThrow('connection lost');
    await turn();
    calls[1].answer();
    expect(await next).toEqual(new Map([['a', published(1)]]));
  });
});
