import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../accounts/user.entity';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Viewer } from './viewer';

interface TokenClaims {
  sub: string;
  role: Role;
}

const TOKEN_TTL_SECONDS = 12 * 60 * 60;

/** Issues and verifies the HS256 bearer tokens. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS } });
  }

  issue(viewer: Viewer): string {
    return this.jwt.sign({ sub: viewer.id, role: viewer.role } satisfies TokenClaims);
  }

  /** The viewer of an Authorization header; null without one; UNAUTHENTICATED for a bad one. */
  viewerOf(authorization: string | undefined): Viewer | null {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Malformed Authorization header; expected "Bearer <token>"');
    try {
      const claims = this.jwt.verify<TokenClaims>(match[1], { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role)) throw new Error('bad claims');
      return { id: claims.sub, role: claims.role };
    } catch {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    }
  }
}
