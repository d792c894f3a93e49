import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { TokenService } from '../auth/token.service';
import { DomainError, ErrorCode, forbidden, notFound } from '../common/domain-error';
import { uniqueViolation } from '../common/postgres-errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { WalletService } from '../wallet/wallet.service';
import { CreateCuratorInput, RegisterBeneficiaryInput, RegisterContributorInput } from './dto/register.input';
import { PasswordHasher } from './password-hasher';
import { ContributorKind, UserEntity } from './user.entity';

export interface Session {
  accessToken: string;
  user: UserEntity;
}

const LOGIN_FAILED = 'Wrong email or password';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly wallets: WalletService,
  ) {}

  /** ADMIN_EMAIL + ADMIN_PASSWORD ensure that admin account at start. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.admin) await this.ensureAdmin(this.config.admin.email, this.config.admin.password);
  }

  async registerContributor(input: RegisterContributorInput): Promise<Session> {
    const user = await this.createUser(this.dataSource.manager, {
      email: input.email,
      password: input.password,
      displayName: input.displayName,
      role: Role.CONTRIBUTOR,
      contributorKind: input.kind,
      organizationName: input.kind === ContributorKind.ORGANIZATION ? (input.organizationName ?? null) : null,
      bio: input.bio ?? null,
    });
    return this.sessionFor(user);
  }

  /** The account, its wallet and the GRANT entry commit together or not at all. */
  async registerBeneficiary(input: RegisterBeneficiaryInput): Promise<Session> {
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.createUser(manager, {
        email: input.email,
        password: input.password,
        displayName: input.displayName,
        role: Role.BENEFICIARY,
        prakerjaCardNumber: input.prakerjaCardNumber,
        interests: [...new Set(input.interests ?? [])],
      });
      await this.wallets.open(manager, created.id, this.config.trainingCreditIdr);
      return created;
    });
    return this.sessionFor(user);
  }

  async createCurator(input: CreateCuratorInput): Promise<UserEntity> {
    return this.createUser(this.dataSource.manager, { email: input.email, password: input.password, displayName: input.displayName, role: Role.CURATOR });
  }

  /** The curators' accounts, newest first (the admin's page lists them). */
  curators(limit = 100): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { role: Role.CURATOR }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async login(email: string, password: string): Promise<Session> {
    const user = await this.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) throw new DomainError(ErrorCode.UNAUTHENTICATED, LOGIN_FAILED);
    // Said only to whoever knows the password: it reveals nothing to a guesser.
    if (user.suspendedAt) throw forbidden('This account is suspended');
    return this.sessionFor(user);
  }

  async me(viewer: Viewer | null): Promise<UserEntity | null> {
    if (!viewer) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: viewer.id });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists');
    return user;
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  private findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  private sessionFor(user: UserEntity): Session {
    return { accessToken: this.tokens.issue(user), user };
  }

  private async createUser(
    manager: EntityManager,
    fields: Partial<UserEntity> & { email: string; password: string; displayName: string; role: Role },
  ): Promise<UserEntity> {
    const { password, ...rest } = fields;
    const passwordHash = await this.hasher.hash(password);
    try {
      const user = manager.create(UserEntity, { ...rest, email: rest.email.toLowerCase(), passwordHash });
      return await manager.save(user);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'users_email_key') throw new DomainError(ErrorCode.CONFLICT, 'An account with this email already exists', [{ field: 'email', message: 'is already registered' }]);
      if (constraint === 'users_prakerja_card_number_key') throw new DomainError(ErrorCode.CONFLICT, 'An account with this Prakerja card number already exists', [{ field: 'prakerjaCardNumber', message: 'is already registered' }]);
      throw error;
    }
  }

  /** Creates the ADMIN, or sets the password of an existing one (ADMIN_EMAIL at start, `cli create-admin`). */
  async ensureAdmin(email: string, password: string): Promise<'created' | 'password updated' | 'unchanged'> {
    const existing = await this.findByEmail(email);
    if (!existing) {
      await this.createUser(this.dataSource.manager, { email, password, displayName: 'Administrator', role: Role.ADMIN });
      this.logger.log(`Created admin account ${email}`);
      return 'created';
    }
    if (existing.role !== Role.ADMIN) {
      throw new Error(`${email} belongs to a ${existing.role} account; choose another address`);
    }
    if (!(await this.hasher.verify(existing.passwordHash, password))) {
      // A new password ends the sessions of the old one, as changePassword does.
      await this.dataSource.getRepository(UserEntity).update(existing.id, { passwordHash: await this.hasher.hash(password), tokenVersion: () => 'token_version + 1' });
      this.logger.log(`Updated the password of admin ${email}`);
      return 'password updated';
    }
    return 'unchanged';
  }
}
