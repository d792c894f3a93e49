import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CleanupStack } from '../support/cleanup';
import { residentSetBytes, spawnChild, type ChildHandle } from '../support/child-process';
import { processTicks, TICKS_PER_SECOND } from '../support/process-table';
import { pollUntil } from '../support/poll';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const ADMIN = { email: 'admin-bench@example.id', password: 'admin-bench-password-1' };
const JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnop';
/** GET /metrics of the bench's API needs it (production mode requires a token). */
export const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const HEALTH_DEADLINE_MS = 180_000;

export interface ApiProcess {
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly pid: number;
  /** From spawn to the first 200 on /health. */
  readonly readyMs: number;
  /** Resolves with the exit code (or signal) once the API has exited. */
  readonly exited: Promise<number | string>;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

/** A free loopback port (the kernel's pick; released just before the API binds it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the built API (`node dist/src/main.js`) as a child process and waits
 * for a 200 on /health. `environment` holds the mode's settings (DATABASE_URL,
 * REDIS_URL, ...); nothing is inherited from the bench's own environment but
 * PATH and HOME. With `onStdout` the API's log comes to the caller instead of
 * the terminal.
 */
export async function startApi(environment: Record<string, string>, cleanup: CleanupStack, options: { onStdout?: (text: string) => void } = {}): Promise<ApiProcess> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    JWT_SECRET,
    METRICS_TOKEN,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // The bench registers hundreds of accounts from one address and writes fast.
    REGISTRATIONS_PER_ADDRESS: '1000000',
    LOGIN_FAILURES_PER_ADDRESS: '1000000',
    WRITES_PER_USER_PER_MINUTE: '1000000',
    ...environment,
  };
  const started = performance.now();
  const stdout = options.onStdout ? 'pipe' : 'inherit';
  const child = spawnChild('API', process.execPath, [join(REPO_ROOT, 'dist/src/main.js')], { cwd: REPO_ROOT, env, stdio: ['ignore', stdout, 'pipe'], echoStderr: true });
  if (options.onStdout) child.process.stdout?.on('data', (chunk: Buffer) => options.onStdout!(chunk.toString()));
  const forget = cleanup.push('stop the API', () => child.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  const readyMs = performance.now() - started;
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    pid: child.pid,
    readyMs,
    exited: child.exited,
    rssBytes: () => residentSetBytes(child.pid),
    stop: forget,
  };
}

async function waitForHealth(baseUrl: string, child: ChildHandle): Promise<void> {
  let exited: number | string | undefined;
  void child.exited.then((code) => (exited = code));
  await pollUntil(
    async () => {
      if (exited !== undefined) throw new Error(`The API exited (${exited}) before it was ready:\n${child.stderrTail().slice(-3_000)}`);
      try {
        const response = await fetch(`${baseUrl}/health`);
        await response.arrayBuffer();
        return response.status === 200 ? true : undefined;
      } catch {
        return undefined; // not listening yet
      }
    },
    { timeoutMs: HEALTH_DEADLINE_MS, intervalMs: 20, what: 'the API to answer 200 on /health' },
  );
}

const IDLE_RESPONSE_MS = 50;
const IDLE_CPU_SHARE = 0.15;
const IDLE_STREAK = 3;
const IDLE_WINDOW_MS = 250;

/**
 * Waits until the API is idle: /health answers fast and the process uses
 * little CPU, several windows in a row. Requests queued by the previous load,
 * and jobs it queued (e.g. index syncs after enrolments), must not slow the
 * next measurement. Returns false when the API was still busy at the deadline.
 */
export async function waitUntilIdle(api: Pick<ApiProcess, 'baseUrl' | 'pid'>, deadlineMs = 180_000): Promise<boolean> {
  let streak = 0;
  let ticks = processTicks(api.pid) ?? 0;
  let at = performance.now();
  try {
    await pollUntil(
      async () => {
        const started = performance.now();
        const response = await fetch(`${api.baseUrl}/health`);
        await response.arrayBuffer();
        const healthFast = response.status === 200 && performance.now() - started < IDLE_RESPONSE_MS;
        const nowTicks = processTicks(api.pid) ?? ticks;
        const now = performance.now();
        const cpuShare = ((nowTicks - ticks) * (1000 / TICKS_PER_SECOND)) / Math.max(1, now - at);
        ticks = nowTicks;
        at = now;
        streak = healthFast && cpuShare < IDLE_CPU_SHARE ? streak + 1 : 0;
        return streak >= IDLE_STREAK ? true : undefined;
      },
      { timeoutMs: deadlineMs, intervalMs: IDLE_WINDOW_MS, what: 'the API to be idle after the previous load' },
    );
    return true;
  } catch {
    return false;
  }
}
