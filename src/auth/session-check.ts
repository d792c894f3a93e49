import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Role } from './role';
import { TokenService, VerifiedToken } from './token.service';
import { Viewer } from './viewer';

/** The caller of a request, and the token it came with (logout ends that one). */
export interface ViewerSession {
  viewer: Viewer;
  tokenId: string;
  expiresAt: Date;
}

/** What the database said about one token: the account's role while it stands, null once it has ended. */
interface TokenStanding {
  userId: string;
  role: Role | null;
}

/** ~200 bytes each: a few MB at most, far more tokens than one process sees within a TTL. */
const CACHED_TOKENS = 20_000;

/** One primary-key read of the account and one of the revocations: the token stands if nothing ended it. */
const STANDING_SQL = `
  SELECT role FROM users
  WHERE id = $1 AND token_version = $2 AND suspended_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_id = $3)`;

/**
 * Decides whether a verified token still stands: its account's token_version
 * is unchanged (no password change, logout everywhere or suspension since),
 * the account is not suspended, and its device has not logged out. Each
 * process caches the answer per token for SESSION_CACHE_TTL_MS, so a change
 * made elsewhere is seen within that bound; the process that makes a change
 * forgets its own entries at once.
 */
@Injectable()
export class SessionCheck {
  private readonly cache: LRUCache<string, TokenStanding> | null;
  /** Counts local invalidations: a read begun before one is used but not cached. */
  private invalidations = 0;

  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = config.sessionCacheTtlMs > 0 ? new LRUCache({ max: CACHED_TOKENS, ttl: config.sessionCacheTtlMs }) : null;
  }

  /** The session of an Authorization header; null without one; UNAUTHENTICATED for a bad or ended token. */
  async authenticate(authorization: string | undefined): Promise<ViewerSession | null> {
    const token = this.tokens.verify(authorization);
    if (!token) return null;
    const { role } = await this.standing(token);
    if (!role) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This session has ended; log in again');
    return { viewer: { id: token.userId, role }, tokenId: token.tokenId, expiresAt: token.expiresAt };
  }

  /** After a change that ends every token of an account (committed). */
  forgetAccount(userId: string): void {
    this.invalidations++;
    if (!this.cache) return;
    const tokenIds = [...this.cache.entries()].filter(([, standing]) => standing.userId === userId).map(([tokenId]) => tokenId);
    for (const tokenId of tokenIds) this.cache.delete(tokenId);
  }

  /** After one token was revoked (committed). */
  forgetToken(tokenId: string): void {
    this.invalidations++;
    this.cache?.delete(tokenId);
  }

  private async standing(token: VerifiedToken): Promise<TokenStanding> {
    const cached = this.cache?.get(token.tokenId);
    if (cached) return cached;
    const invalidationsBefore = this.invalidations;
    const rows: { role: Role }[] = await this.dataSource.query(STANDING_SQL, [token.userId, token.tokenVersion, token.tokenId]);
    const standing = { userId: token.userId, role: rows[0]?.role ?? null };
    if (invalidationsBefore === this.invalidations) this.cache?.set(token.tokenId, standing);
    return standing;
  }
}
