import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../support/child-process';
import { REPO_ROOT } from './api-process';

const SOURCES = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const BUILT_ENTRY = join(REPO_ROOT, 'dist/src/main.js');

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than any source file; says whether it built. */
export async function ensureBuild(): Promise<boolean> {
  const built = existsSync(BUILT_ENTRY) ? statSync(BUILT_ENTRY).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((source) => join(REPO_ROOT, source)).filter(existsSync).map(newestModification));
  if (built >= sources) return false;
  console.log('bench: dist/ is older than the sources; running npm run build');
  await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000, stdio: ['ignore', 'inherit', 'pipe'], echoStderr: true });
  return true;
}
