import { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createLimiter } from './rate-limiters';

describe('createLimiter', () => {
  it('counts in this process without Redis', async () => {
    const limiter = createLimiter(null, 'spec', 2, 60);
    await limiter.consume('k');
    await limiter.consume('k');
    await expect(limiter.consume('k')).rejects.toBeInstanceOf(RateLimiterRes);
  });

  it('falls back to in-process counters while Redis is unreachable, instead of failing requests', async () => {
    // Nothing listens on port 1; like the app's producer connection, commands fail at once rather than queue.
    const redis = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      const limiter = createLimiter(redis, 'spec', 2, 60);
      await limiter.consume('k');
      await limiter.consume('k');
      await expect(limiter.consume('k')).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      redis.disconnect();
    }
  });
});
