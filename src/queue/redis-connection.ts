import { Logger } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';

/**
 * Producer connections fail fast while Redis is down (no offline queue), so
 * the outbox relay notices and retries later instead of hanging; worker
 * connections retry forever, as BullMQ requires.
 */
export function producerConnection(url: string): Redis {
  return logged(new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 } satisfies RedisOptions));
}

export function workerConnection(url: string): Redis {
  return logged(new Redis(url, { maxRetriesPerRequest: null } satisfies RedisOptions));
}

const logger = new Logger('Redis');
let lastLogged = 0;

/** ioredis reconnects by itself; say so once every 10 s rather than once per attempt. */
function logged(connection: Redis): Redis {
  connection.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.warn(`Redis unreachable (${error.message}); retrying`);
  });
  return connection;
}
