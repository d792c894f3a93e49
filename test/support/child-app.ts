import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './commands';
import { pollUntil } from './poll';
import { freePort } from './redis-server';
import { GraphQLResponse, TestApp } from './test-app';

const JWT_SECRET = 'child-app-secret-0123456789-abcdefghijklmnop';

export interface ChildApp {
  readonly pid: number;
  /** The API's address (child APIs only). */
  readonly baseUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** A GraphQL client for the factories, which need only `gql` (and `baseUrl`). */
  readonly client: TestApp;
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs src/main.ts (the API) or src/worker.ts (the workers) in a child process
 * through @swc-node/register (no build), against the database and Redis the
 * test gives, and waits until it is ready: /health answers 200 for the API,
 * `readyLine` on its output for a worker.
 */
export async function startChild(entry: 'src/main.ts' | 'src/worker.ts', env: Record<string, string | undefined>, readyLine?: RegExp): Promise<ChildApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORT: String(port),
      JWT_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'log',
      LOGIN_FAILURES_PER_ACCOUNT: '100000',
      LOGIN_FAILURES_PER_ADDRESS: '100000',
      REGISTRATIONS_PER_ADDRESS: '100000',
      WRITES_PER_USER_PER_MINUTE: '100000',
      ...(process.env.DATABASE_URL ? {} : { DATABASE_POOL_SIZE: '1' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      async () => {
        if (gone) throw new Error(`${entry} exited before it was ready:\n${output.slice(-3_000)}`);
        if (readyLine) return readyLine.test(output) ? true : undefined;
        return fetch(`${baseUrl}/health`).then(
          (response) => (response.status === 200 ? true : undefined),
          () => undefined,
        );
      },
      90_000,
      `${entry} to be ready`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    pid: child.pid!,
    baseUrl,
    exited,
    client: { baseUrl, gql } as unknown as TestApp,
    stderr: () => output,
    kill: (signal) => void child.kill(signal),
  };
}
