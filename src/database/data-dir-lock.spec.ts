import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the directory with this pid until released', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'pglite.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    expect(() => lockDataDir(dir)).toThrow(`on DATA_DIR=${dir} (pid ${process.pid}): stop it, or set DATABASE_URL`);
    release();
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('names the API when main.js holds it, and takes over the lock of a dead process', () => {
    writeFileSync(join(dir, 'pglite.lock'), `${process.pid} main.js\n`);
    expect(() => lockDataDir(dir)).toThrow(`the API is running on DATA_DIR=${dir} (pid ${process.pid}): stop it, or set DATABASE_URL`);
    writeFileSync(join(dir, 'pglite.lock'), '2147483646 main.js\n');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'pglite.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
  });
});
