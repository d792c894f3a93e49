import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../config/app-config';
import { isProcessAlive } from '../common/process-alive';

const LOCK_FILE = 'pglite.lock';

/**
 * PGlite is one process's database: a second process opening the same DATA_DIR
 * corrupts it or fails obscurely. The process that opens it holds a lock file
 * with its pid; a lock whose pid is gone (a crash, kill -9) is stale and taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${basename(process.argv[1] ?? 'node')}\n`);
      closeSync(fd);
      const release = () => {
        process.removeListener('exit', release);
        if (holder(path)?.pid === process.pid) unlinkSync(path);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = holder(path);
      if (current && isProcessAlive(current.pid)) {
        const who = current.entry.startsWith('main.') ? 'the API is running' : `another process (${current.entry}) holds the embedded database`;
        throw new ConfigError(`${who} on DATA_DIR=${dataDir} (pid ${current.pid}): stop it, or set DATABASE_URL`);
      }
      unlinkSync(path);
    }
  }
  throw new ConfigError(`could not lock DATA_DIR=${dataDir}: remove ${path} if no process uses it`);
}

function holder(path: string): { pid: number; entry: string } | null {
  try {
    const [pid, entry = ''] = readFileSync(path, 'utf8').trim().split(' ');
    return Number.isInteger(Number(pid)) ? { pid: Number(pid), entry } : null;
  } catch {
    return null;
  }
}
