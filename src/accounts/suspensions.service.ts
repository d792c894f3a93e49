import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SessionCheck } from '../auth/session-check';
import { Viewer } from '../auth/viewer';
import { conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { AccountArgs, SuspendAccountArgs } from './dto/session.args';
import { UserEntity } from './user.entity';

/**
 * An admin's suspension of an account: its tokens end (the version bump) and
 * its logins are refused until reinstated. Each decision is recorded in the
 * append-only account_suspension_events (who, when, why).
 */
@Injectable()
export class SuspensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessionCheck: SessionCheck,
  ) {}

  async suspend(admin: Viewer, args: SuspendAccountArgs): Promise<UserEntity> {
    if (args.userId === admin.id) throw forbidden('An admin cannot suspend their own account');
    const user = await this.dataSource.transaction(async (manager) => {
      const [, changed]: [unknown, number] = await manager.query(
        `UPDATE users SET suspended_at = now(), token_version = token_version + 1, updated_at = now() WHERE id = $1 AND suspended_at IS NULL`,
        [args.userId],
      );
      if (changed !== 1) throw await this.refusal(manager, args.userId, 'This account is already suspended');
      await manager.query(`INSERT INTO account_suspension_events (user_id, action, reason, actor_id) VALUES ($1, 'SUSPEND', $2, $3)`, [args.userId, args.reason, admin.id]);
      return manager.findOneByOrFail(UserEntity, { id: args.userId });
    });
    this.sessionCheck.forgetAccount(user.id);
    return user;
  }

  /** Logins work again; the tokens the suspension ended stay ended. */
  async reinstate(admin: Viewer, args: AccountArgs): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const [, changed]: [unknown, number] = await manager.query(
        `UPDATE users SET suspended_at = NULL, updated_at = now() WHERE id = $1 AND suspended_at IS NOT NULL`,
        [args.userId],
      );
      if (changed !== 1) throw await this.refusal(manager, args.userId, 'This account is not suspended');
      await manager.query(`INSERT INTO account_suspension_events (user_id, action, actor_id) VALUES ($1, 'REINSTATE', $2)`, [args.userId, admin.id]);
      return manager.findOneByOrFail(UserEntity, { id: args.userId });
    });
  }

  /** NOT_FOUND for an unknown account, else CONFLICT: it is already in the state asked for. */
  private async refusal(manager: EntityManager, userId: string, conflictMessage: string): Promise<DomainError> {
    return (await manager.existsBy(UserEntity, { id: userId })) ? conflict(conflictMessage) : notFound('User');
  }
}
