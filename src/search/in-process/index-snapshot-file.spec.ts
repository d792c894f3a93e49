import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleDocument } from '../../../test/search/module-document.factory';
import { loadSearchLanguage } from '../text/search-language';
import { readIndexSnapshot, SNAPSHOT_FORMAT_VERSION, UnusableSnapshotError, writeIndexSnapshot } from './index-snapshot-file';
import { ModuleIndex } from './module-index';

const language = loadSearchLanguage();

function stateOf(count: number) {
  const index = new ModuleIndex(language);
  for (let i = 0; i < count; i++) index.upsert(moduleDocument({ id: `m-${i}`, title: `Pemasaran Digital ${i}`, skills: ['jualan'] }));
  index.remove('m-1');
  return index.exportState();
}

/** Rewrites the file's checksum after a deliberate edit, so only the edit is wrong. */
function withChecksum(bytes: Buffer): Buffer {
  const body = bytes.subarray(0, bytes.byteLength - 32);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

describe('index snapshot file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    path = join(dir, 'search-index.snapshot');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, across several document sections, and leaves no temp file', async () => {
    const state = stateOf(5_001);
    const bytes = await writeIndexSnapshot(path, state, 'stop-words-a');
    expect(readFileSync(path).byteLength).toBe(bytes);
    expect(readdirSync(dir)).toEqual(['search-index.snapshot']);

    const read = await readIndexSnapshot(path, 'stop-words-a');
    expect(read.documents).toHaveLength(5_000);
    expect(read).toEqual(state);
  });

  it('refuses a missing, truncated or corrupt file, another format and other stop words', async () => {
    const reason = (promise: Promise<unknown>) => promise.then(() => 'read', (error: Error) => (error instanceof UnusableSnapshotError ? error.message : `other: ${error.message}`));
    expect(await reason(readIndexSnapshot(path, 'k'))).toBe('no snapshot yet');

    await writeIndexSnapshot(path, stateOf(50), 'k');
    const good = readFileSync(path);
    expect(await reason(readIndexSnapshot(path, 'other'))).toBe('built with other stop words or topic lexicon');

    writeFileSync(path, good.subarray(0, good.byteLength - 1_000));
    expect(await reason(readIndexSnapshot(path, 'k'))).toBe('checksum mismatch (partial or corrupt file)');

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.byteLength / 2)] ^= 1;
    writeFileSync(path, flipped);
    expect(await reason(readIndexSnapshot(path, 'k'))).toBe('checksum mismatch (partial or corrupt file)');

    writeFileSync(path, Buffer.from('not a snapshot at all, just some text written there by mistake'));
    expect(await reason(readIndexSnapshot(path, 'k'))).toBe('not a search index snapshot');

    const text = good.toString('latin1');
    const format = `"format":${SNAPSHOT_FORMAT_VERSION},`;
    expect(text).toContain(format);
    writeFileSync(path, withChecksum(Buffer.from(text.replace(format, `"format":${SNAPSHOT_FORMAT_VERSION + 1},`), 'latin1')));
    expect(await reason(readIndexSnapshot(path, 'k'))).toBe(`format ${SNAPSHOT_FORMAT_VERSION + 1}, this code reads ${SNAPSHOT_FORMAT_VERSION}`);
  });

  it('keeps the old snapshot when a write fails', async () => {
    await writeIndexSnapshot(path, stateOf(10), 'k');
    const unserialisable = { ...stateOf(3), documents: [{ id: 'bad', fn: () => 1 } as never] };
    await expect(writeIndexSnapshot(path, unserialisable, 'k')).rejects.toThrow();
    expect((await readIndexSnapshot(path, 'k')).documents).toHaveLength(9);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });
});
