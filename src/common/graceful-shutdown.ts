import { INestApplicationContext, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { constants } from 'node:os';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM or SIGINT: stop taking connections, answer the requests under
 * way (their responses close their connections), then close the application
 * (workers once their running jobs finish, then the relay, then the queues,
 * then the database pool) and exit 0. Past `graceSeconds` the process exits 1: jobs
 * it was running stay claimed in the outbox or locked in BullMQ and run again
 * elsewhere or at the next start. A second signal exits at once.
 */
export function exitGracefullyOnSignals(app: INestApplicationContext, graceSeconds: number): void {
  const logger = new Logger('Shutdown');
  let shuttingDown = false;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (shuttingDown) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(128 + constants.signals[signal]);
    }
    shuttingDown = true;
    logger.log(`${signal}: finishing requests and jobs under way (at most ${graceSeconds} s)`);
    setTimeout(() => {
      logger.error(`Still busy after ${graceSeconds} s: exiting; unfinished jobs run again`);
      process.exit(1);
    }, graceSeconds * 1000).unref();
    drainHttp(app)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/**
 * Stops listening at once and resolves when every connection has ended: each
 * later response closes its connection, idle keep-alive connections end at
 * their timeout. (http.Server#close would also drop idle keep-alive
 * connections at once, racing with requests clients are sending on them.)
 */
async function drainHttp(app: INestApplicationContext): Promise<void> {
  if (!('getHttpServer' in app) || typeof app.getHttpServer !== 'function') return;
  const server = app.getHttpServer() as Server;
  server.on('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  });
  await new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
}
