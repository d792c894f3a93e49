import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { LRUCache } from 'lru-cache';
import { createSecretKey, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Role } from './role';

interface TokenClaims {
  sub: string;
  /** For clients; requests are served with the account's role as the database has it. */
  role: Role;
  /** The account's token_version when the token was issued; a later bump ends the token. */
  ver: number;
  /** The token's own id, recorded when its device logs out. */
  jti: string;
  exp?: number;
}

/** What a token whose signature and expiry hold claims; whether it still stands is SessionCheck's to say. */
export interface VerifiedToken {
  userId: string;
  tokenVersion: number;
  tokenId: string;
  expiresAt: Date;
}

/** The account a token is issued for. */
export interface TokenSubject {
  id: string;
  role: Role;
  tokenVersion: number;
}

const TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Tokens whose signature checked out, ~0.5 KB each with the key: ~5 MB at most. */
const VERIFIED_TOKENS = 10_000;

const isTokenClaims = (claims: Partial<TokenClaims>): claims is Required<TokenClaims> =>
  typeof claims.sub === 'string' &&
  isUUID(claims.sub) &&
  Number.isSafeInteger(claims.ver) &&
  typeof claims.jti === 'string' &&
  isUUID(claims.jti) &&
  typeof claims.exp === 'number';

/** Issues and verifies the HS256 bearer tokens. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * A signature's check gives the same answer for the same string and key, so
   * it is done once per token (~0.1 ms of each authenticated request's CPU);
   * expiry is checked on every use. Only verified tokens get in.
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public key and
    // pays for the thrown OpenSSL error on every verification (~0.5 ms instead of ~0.01 ms; see
    // test/bench/session-check-bench.ts).
    const secret = createSecretKey(Buffer.from(config.jwtSecret));
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS } });
  }

  issue(subject: TokenSubject): string {
    return this.jwt.sign({ sub: subject.id, role: subject.role, ver: subject.tokenVersion, jti: randomUUID() } satisfies TokenClaims);
  }

  /** The token of an Authorization header; null without one; UNAUTHENTICATED for a malformed, forged or expired one. */
  verify(authorization: string | undefined): VerifiedToken | null {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Malformed Authorization header; expected "Bearer <token>"');
    const known = this.verified.get(match[1]);
    if (known) {
      // jsonwebtoken's rule: expired from the second of `exp` on.
      if (Math.floor(Date.now() / 1000) < known.expiresAt.getTime() / 1000) return known;
      this.verified.delete(match[1]);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    }
    let claims: Partial<TokenClaims>;
    try {
      claims = this.jwt.verify<TokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    }
    // Tokens issued before sessions could end carry no version: they are refused like any bad token.
    if (!isTokenClaims(claims)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    const token = { userId: claims.sub, tokenVersion: claims.ver, tokenId: claims.jti, expiresAt: new Date(claims.exp * 1000) };
    this.verified.set(match[1], token);
    return token;
  }
}
