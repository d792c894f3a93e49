import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionCheck, ViewerSession } from '../auth/session-check';
import { TokenService } from '../auth/token.service';
import { Viewer } from '../auth/viewer';
import { badInput, conflict } from '../common/domain-error';
import { ThrottleService } from '../throttling/throttle.service';
import { Session } from './accounts.service';
import { ChangePasswordArgs } from './dto/session.args';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

/** Ending sessions: logout and password change. Each ends tokens at once here and within SESSION_CACHE_TTL_MS everywhere. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessionCheck: SessionCheck,
    private readonly throttles: ThrottleService,
  ) {}

  /** Ends the caller's token; with `everywhere`, every token of the account. */
  async logout(session: ViewerSession, everywhere: boolean): Promise<void> {
    if (everywhere) {
      await this.dataSource.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [session.viewer.id]);
      this.sessionCheck.forgetAccount(session.viewer.id);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      // A revocation matters only until its token would have expired anyway.
      await manager.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
      await manager.query(`INSERT INTO revoked_tokens (token_id, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (token_id) DO NOTHING`, [
        session.tokenId,
        session.viewer.id,
        session.expiresAt,
      ]);
    });
    this.sessionCheck.forgetToken(session.tokenId);
  }

  /**
   * Replaces the password (checked against the current one) and ends every
   * token of the account; the caller gets a fresh one. A wrong current
   * password is a failed login of the account (the same throttle), so a
   * stolen token cannot guess it faster than a login form. Hashing runs
   * outside any transaction; the UPDATE applies only if the hash it checked
   * is still the stored one.
   */
  async changePassword(viewer: Viewer, args: ChangePasswordArgs, clientAddress: string): Promise<Session> {
    if (args.newPassword === args.currentPassword) throw badInput('newPassword', 'must differ from the current password');
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneByOrFail({ id: viewer.id });
    await this.throttles.assertLoginAllowed(user.email, clientAddress);
    if (!(await this.hasher.verify(user.passwordHash, args.currentPassword))) {
      await this.throttles.recordLoginFailure(user.email, clientAddress);
      throw badInput('currentPassword', 'is not the current password');
    }
    const newHash = await this.hasher.hash(args.newPassword);
    const [, changed]: [unknown, number] = await this.dataSource.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1 AND password_hash = $3`,
      [user.id, newHash, user.passwordHash],
    );
    if (changed !== 1) throw conflict('The password was changed meanwhile; log in again');
    this.sessionCheck.forgetAccount(user.id);
    const updated = await users.findOneByOrFail({ id: user.id });
    return { accessToken: this.tokens.issue(updated), user: updated };
  }
}
