import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';

const alive = new Set<ChildProcess>();
// Last resort (an uncaught error, process.exit): no child outlives the bench.
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

export interface ChildHandle {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (or signal) once the child has exited. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** What the child wrote to stderr (last 64 KiB), for error messages. */
  stderrTail(): string;
}

/** Spawns a child process that is tracked and always killed at the end of the run. */
export function spawnChild(name: string, command: string, args: string[], options: SpawnOptions & { echoStderr?: boolean } = {}): ChildHandle {
  const { echoStderr = false, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  alive.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-65_536);
    if (echoStderr) process.stderr.write(chunk);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    name,
    process: child,
    pid: child.pid,
    exited,
    stderrTail: () => stderr,
    async stop(graceMs = 10_000) {
      if (!alive.has(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; rejects with its stderr when it exits non-zero or outlives `timeoutMs`. */
export async function runCommand(command: string, args: string[], options: SpawnOptions & { timeoutMs: number; echoStderr?: boolean }): Promise<string> {
  const { timeoutMs, ...spawnOptions } = options;
  const handle = spawnChild(command, command, args, spawnOptions);
  let stdout = '';
  handle.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = setTimeout(() => void handle.stop(2_000), timeoutMs);
  const code = await handle.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${handle.stderrTail().trim().slice(-2_000)}`);
  return stdout;
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export async function residentSetBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}
