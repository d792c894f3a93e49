import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../accounts/password-hasher';
import { UserEntity } from '../accounts/user.entity';
import { Role } from '../auth/role';
import { CategoryEntity } from '../catalog/category.entity';
import { LessonEntity } from '../catalog/lesson.entity';
import { ModuleInput } from '../catalog/dto/module.input';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';
import { draftModuleRow, lessonRows } from '../catalog/module-rows';
import { slugFromTitle } from '../catalog/slug';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ModerationEventEntity } from '../moderation/moderation-event.entity';
import { ModerationAction } from '../moderation/module-status-machine';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { DemoCatalogue, loadDemoCatalogue } from './demo-catalogue';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_EMAIL_DOMAIN = 'demo.contoh-pelatihan.id';

/**
 * Outside production, an empty database gets a demo catalogue of published
 * modules (SEED_DEMO=false turns it off). Demo accounts cannot log in: their
 * passwords are random and thrown away.
 */
@Injectable()
export class DemoSeeder implements OnModuleInit {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly outbox: Outbox,
  ) {}

  /** Runs in onModuleInit so the catalogue is there before the search index is built (at bootstrap). */
  async onModuleInit(): Promise<void> {
    if (!this.config.seedDemo || this.config.isProduction) return;
    if (await this.dataSource.getRepository(ModuleEntity).exists()) return;
    const started = Date.now();
    const count = await this.seed(await loadDemoCatalogue());
    this.logger.log(`Loaded the demo catalogue: ${count} published modules in ${Date.now() - started} ms (SEED_DEMO=false turns this off)`);
  }

  async seed(catalogue: DemoCatalogue): Promise<number> {
    const unusablePassword = await this.hasher.hash(randomBytes(32).toString('hex'));
    return this.dataSource.transaction(async (manager) => {
      const categories = new Map((await manager.find(CategoryEntity)).map((category) => [category.slug, category.id]));
      const curatorId = await this.insertUser(manager, { email: `kurator@${DEMO_EMAIL_DOMAIN}`, displayName: 'Tim Kurasi Demo', role: Role.CURATOR, passwordHash: unusablePassword });
      const contributors = new Map<string, string>();
      for (const contributor of catalogue.contributors) {
        const id = await this.insertUser(manager, {
          email: `${contributor.key}@${DEMO_EMAIL_DOMAIN}`,
          displayName: contributor.displayName,
          role: Role.CONTRIBUTOR,
          contributorKind: contributor.kind,
          organizationName: contributor.organizationName,
          bio: contributor.bio,
          passwordHash: unusablePassword,
        });
        contributors.set(contributor.key, id);
      }
      const now = Date.now();
      for (const item of catalogue.modules) {
        const publishedAt = new Date(now - item.publishedDaysAgo * DAY_MS);
        const submittedAt = new Date(publishedAt.getTime() - DAY_MS);
        const contributorId = contributors.get(item.contributor)!;
        const { identifiers } = await manager.insert(ModuleEntity, {
          ...draftModuleRow(item as ModuleInput, categories.get(item.categorySlug)!, contributorId),
          slug: slugFromTitle(item.title),
          status: ModuleStatus.PUBLISHED,
          submittedAt,
          publishedAt,
          approvedTitle: item.title,
          createdAt: submittedAt,
          updatedAt: publishedAt,
          version: 3,
        });
        const moduleId = identifiers[0].id as string;
        await manager.insert(LessonEntity, lessonRows(moduleId, item.lessons));
        await manager.insert(ModerationEventEntity, [
          { moduleId, action: ModerationAction.SUBMIT, fromStatus: ModuleStatus.DRAFT, toStatus: ModuleStatus.IN_REVIEW, actorId: contributorId, createdAt: submittedAt },
          { moduleId, action: ModerationAction.APPROVE, fromStatus: ModuleStatus.IN_REVIEW, toStatus: ModuleStatus.PUBLISHED, actorId: curatorId, createdAt: publishedAt },
        ]);
      }
      // Brings an external index (Meilisearch) in line; the in-process one is built from the database anyway.
      await this.outbox.enqueue(manager, JobName.RECONCILE_INDEX, {});
      return catalogue.modules.length;
    });
  }

  private async insertUser(manager: EntityManager, user: Partial<UserEntity>): Promise<string> {
    const { identifiers } = await manager.insert(UserEntity, user);
    return identifiers[0].id as string;
  }
}
