import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode, RateLimitedError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { producerConnection } from '../queue/redis-connection';
import { LeasedBudget } from './leased-budget';
import { createLimiter } from './rate-limiters';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const REGISTRATION_WINDOW_SECONDS = 60 * 60;
export const WRITE_WINDOW_SECONDS = 60;
export const CERTIFICATE_CHECK_WINDOW_SECONDS = 60;
const REDIS_READY_WAIT_MS = 3_000;
/** Write points a process takes from the shared counter at a time: one Redis call per 10 writes of a user, not per write. */
const WRITE_LEASE_POINTS = 10;

/** Emails are hashed into keys: a key never holds personal data, and a 1 MB "email" is a 64-character key. */
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
const retrySeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * The brute-force throttles: failed logins per account and per client address,
 * registrations per address, writes per user. Counters live in Redis when
 * REDIS_URL is set (keys under QUEUE_PREFIX, so the replicas of one deployment
 * share them), in this process otherwise.
 */
@Injectable()
export class ThrottleService implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly loginFailuresByAccount: RateLimiterAbstract;
  /** Failures of one account from one address: what a success from that address forgives. */
  private readonly loginFailuresByAccountAndAddress: RateLimiterAbstract;
  private readonly loginFailuresByAddress: RateLimiterAbstract;
  private readonly registrationsByAddress: RateLimiterAbstract;
  private readonly writesByUser: LeasedBudget;
  private readonly certificateChecksByAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl ? producerConnection(config.redisUrl) : null;
    const limiter = (name: string, points: number, durationSeconds: number) =>
      createLimiter(this.redis, `${config.queuePrefix}:throttle:${name}`, points, durationSeconds);
    const { throttles } = config;
    this.loginFailuresByAccount = limiter('login-account', throttles.loginFailuresPerAccount, LOGIN_WINDOW_SECONDS);
    this.loginFailuresByAccountAndAddress = limiter('login-account-address', throttles.loginFailuresPerAccount, LOGIN_WINDOW_SECONDS);
    this.loginFailuresByAddress = limiter('login-address', throttles.loginFailuresPerAddress, LOGIN_WINDOW_SECONDS);
    this.registrationsByAddress = limiter('registration-address', throttles.registrationsPerAddress, REGISTRATION_WINDOW_SECONDS);
    this.writesByUser = new LeasedBudget(limiter('writes-user', throttles.writesPerUserPerMinute, WRITE_WINDOW_SECONDS), WRITE_LEASE_POINTS);
    this.certificateChecksByAddress = limiter('certificate-address', throttles.certificateChecksPerAddressPerMinute, CERTIFICATE_CHECK_WINDOW_SECONDS);
  }

  /** Counters shared from the first request on: wait (briefly) for Redis; the in-process fallback covers an outage. */
  async onModuleInit(): Promise<void> {
    if (!this.redis || this.redis.status === 'ready') return;
    const timeout = new Promise((resolve) => setTimeout(resolve, REDIS_READY_WAIT_MS).unref());
    await Promise.race([once(this.redis, 'ready'), timeout]);
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }

  /** Refuses a login while its account or its address has used up its failures, whatever the password. */
  async assertLoginAllowed(email: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.loginFailuresByAccount.get(accountKey(email)), this.loginFailuresByAddress.get(address)]);
    const exhausted = [
      account && account.consumedPoints >= this.loginFailuresByAccount.points ? account : null,
      fromAddress && fromAddress.consumedPoints >= this.loginFailuresByAddress.points ? fromAddress : null,
    ].filter((res): res is RateLimiterRes => res !== null);
    if (exhausted.length > 0) {
      const seconds = Math.max(...exhausted.map(retrySeconds));
      throw new RateLimitedError(seconds, `Too many failed logins; retry in ${seconds} s`);
    }
  }

  async recordLoginFailure(email: string, address: string): Promise<void> {
    const key = accountKey(email);
    await Promise.all([
      this.loginFailuresByAccount.penalty(key),
      this.loginFailuresByAccountAndAddress.penalty(`${key}:${address}`),
      this.loginFailuresByAddress.penalty(address),
    ]);
  }

  /**
   * A success forgives only the failures made from the same address (the
   * owner's own typos): failures others made from elsewhere keep counting, or
   * an attacker could reset the account's counter by waiting for its owner.
   */
  async recordLoginSuccess(email: string, address: string): Promise<void> {
    const key = accountKey(email);
    const own = await this.loginFailuresByAccountAndAddress.get(`${key}:${address}`);
    if (!own || own.consumedPoints <= 0) return;
    const [account, fromAddress] = await Promise.all([this.loginFailuresByAccount.get(key), this.loginFailuresByAddress.get(address)]);
    await Promise.all([
      account && this.loginFailuresByAccount.reward(key, Math.min(own.consumedPoints, account.consumedPoints)),
      fromAddress && this.loginFailuresByAddress.reward(address, Math.min(own.consumedPoints, fromAddress.consumedPoints)),
      this.loginFailuresByAccountAndAddress.delete(`${key}:${address}`),
    ]);
  }

  /**
   * One login attempt under the login throttles, for every transport (the
   * API's interceptor, the web page): refused before the password is checked
   * once the account or address has used up its failures; a wrong email or
   * password (UNAUTHENTICATED) counts against both; a success forgives its
   * own address's failures.
   */
  async guardLogin<T>(email: string, address: string, attempt: () => Promise<T>): Promise<T> {
    await this.assertLoginAllowed(email, address);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) await this.recordLoginFailure(email, address);
      throw error;
    }
    await this.recordLoginSuccess(email, address);
    return result;
  }

  consumeRegistration(address: string): Promise<void> {
    return this.consume(this.registrationsByAddress, address, 1, 'Too many registrations from this address');
  }

  /** One point per mutation field of a request. */
  consumeWrites(userId: string, mutations: number): Promise<void> {
    return this.consume(this.writesByUser, userId, mutations, 'Too many changes in a short time');
  }

  /** Every check counts, valid or not: the answer must not tell which ones cost. */
  consumeCertificateCheck(address: string): Promise<void> {
    return this.consume(this.certificateChecksByAddress, address, 1, 'Too many certificate checks from this address');
  }

  private async consume(limiter: { consume(key: string, points: number): Promise<unknown> }, key: string, points: number, reason: string): Promise<void> {
    try {
      await limiter.consume(key, points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = retrySeconds(refusal);
      throw new RateLimitedError(seconds, `${reason}; retry in ${seconds} s`);
    }
  }
}
