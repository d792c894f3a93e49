import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

/**
 * A fixed-window counter: in Redis when the app has one, so every replica
 * counts together; in this process otherwise. While Redis is unreachable the
 * Redis limiter falls back to in-process counters rather than failing requests.
 */
export function createLimiter(redis: Redis | null, keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: durationSeconds, insuranceLimiter: memory });
}
