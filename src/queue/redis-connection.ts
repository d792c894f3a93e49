import { Redis, RedisOptions } from 'ioredis';

/**
 * Producer connections fail fast while Redis is down (no offline queue), so
 * the outbox relay notices and retries later instead of hanging; worker
 * connections retry forever, as BullMQ requires.
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false } satisfies RedisOptions);
}

export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null } satisfies RedisOptions);
}
