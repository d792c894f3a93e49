import { LRUCache } from 'lru-cache';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** Points of one key this process has taken from the shared counter and not yet spent, until its window ends. */
interface Lease {
  points: number;
  windowEndsAt: number;
}

/** Far more keys than one process writes for within a window; ~100 bytes each. */
const LEASED_KEYS = 50_000;

/**
 * A fixed-window budget whose shared counter (Redis) is asked once per lease
 * of up to `leaseSize` points instead of once per request: a request spends
 * from this process's lease and takes a new one when it runs out. Every point
 * spent was counted in the shared counter first, so no key ever gets more than
 * `points` per window; with one process the refusals fall exactly where the
 * shared counter alone puts them. With several replicas a key may be refused
 * early by the points other replicas still hold (at most leaseSize - 1 each).
 */
export class LeasedBudget {
  private readonly leases = new LRUCache<string, Lease>({ max: LEASED_KEYS });
  private readonly leaseSize: number;

  constructor(
    private readonly limiter: RateLimiterAbstract,
    leaseSize: number,
  ) {
    this.leaseSize = Math.max(1, Math.min(leaseSize, limiter.points));
  }

  /** Spends `points` of the key's budget; rejects with the shared counter's RateLimiterRes when it is used up. */
  async consume(key: string, points: number): Promise<void> {
    if (this.spend(key, points)) return;
    const wanted = Math.max(this.leaseSize, points - this.held(key));
    // The window's end as measured from before the call: never later than the counter's own.
    const asked = Date.now();
    let granted: number;
    let res: RateLimiterRes;
    try {
      res = await this.limiter.consume(key, wanted);
      granted = wanted;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      res = refusal;
      // The counter counts a refused request's points too: what was left before it is ours.
      granted = Math.max(0, wanted - (res.consumedPoints - this.limiter.points));
    }
    this.add(key, granted, asked + res.msBeforeNext);
    if (!this.spend(key, points)) throw res;
  }

  private held(key: string): number {
    const lease = this.leases.get(key);
    return lease && lease.windowEndsAt > Date.now() ? lease.points : 0;
  }

  private spend(key: string, points: number): boolean {
    const held = this.held(key);
    if (held < points) return false;
    this.leases.get(key)!.points = held - points;
    return true;
  }

  /** A lease of a new window replaces what is left of the last one, which its window took with it. */
  private add(key: string, points: number, windowEndsAt: number): void {
    const lease = this.leases.get(key);
    if (lease && lease.windowEndsAt > Date.now()) {
      lease.points += points;
      lease.windowEndsAt = windowEndsAt;
    } else {
      this.leases.set(key, { points, windowEndsAt });
    }
  }
}
