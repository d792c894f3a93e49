import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { badInput, DomainError, ErrorCode, notFound } from '../common/domain-error';
import { uniqueViolation } from '../common/postgres-errors';
import { Loaders } from '../graphql/loaders';
import { checkPageSize, Connection, Cursor, decodeCursor, toPage } from '../graphql/pagination';
import { viewerEnrollments } from '../learning/enrollment-loaders';
import { ModerationAction, EDITABLE_STATUSES } from '../moderation/module-status-machine';
import { ModuleRevisions } from '../moderation/module-revisions.service';
import { ModuleWorkflow, updateVersioned } from '../moderation/module-workflow.service';
import { CategoryDirectory, CategoryReference } from './category-directory';
import { CategoryEntity } from './category.entity';
import { ModuleInput, UpdateModuleInput } from './dto/module.input';
import { LessonEntity } from './lesson.entity';
import { storedMarkdown } from './markdown/stored-markdown';
import { planLessons } from './lesson-plan';
import { writeLessons } from './lesson-store';
import { canSee, findOwnedModule, isOwnerOrCurator, isUuid, lockOwnedModule, staleVersion } from './module-access';
import { ModuleEntity } from './module.entity';
import { ModuleRevisionEntity } from './module-revision.entity';
import { draftModuleRow, normalizeSkills, totalDuration } from './module-rows';
import { ModuleStatus } from './module-status';
import { slugFromTitle, withSuffix } from './slug';

const SLUG_ATTEMPTS = 5;

/** A module as its owner edits it: the row, its lessons, and its pending revision if any. */
export interface OwnModule {
  module: ModuleEntity;
  lessons: LessonEntity[];
  revision: ModuleRevisionEntity | null;
}

/** The module catalogue: writing modules, and who may see which. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ModuleWorkflow,
    private readonly revisions: ModuleRevisions,
    private readonly categoryDirectory: CategoryDirectory,
  ) {}

  categories(): Promise<CategoryReference[]> {
    return this.categoryDirectory.all();
  }

  async category(id: string): Promise<CategoryReference> {
    const category = await this.categoryDirectory.byId(id);
    if (!category) throw new Error(`Category ${id} is not in the category directory`);
    return category;
  }

  /** PUBLISHED modules per category (kept by a trigger), for a batch of category ids. */
  async publishedModuleCounts(categoryIds: readonly string[]): Promise<number[]> {
    const rows: { id: string; count: number }[] = await this.dataSource.query(
      'SELECT id, published_module_count AS count FROM categories WHERE id = ANY($1)',
      [categoryIds],
    );
    const counts = new Map(rows.map((row) => [row.id, row.count]));
    return categoryIds.map((id) => counts.get(id) ?? 0);
  }

  async create(viewer: Viewer, input: ModuleInput): Promise<ModuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const category = await this.categoryBySlug(manager, input.categorySlug);
      const module = await this.insertWithUniqueSlug(manager, draftModuleRow(input, category.id, viewer.id));
      // A new module has no lessons yet: any lesson id given is refused.
      await manager.insert(LessonEntity, planLessons(module.id, input.lessons, []));
      return module;
    });
  }

  /**
   * The owner's edit. A PUBLISHED module's edit waits in its pending revision
   * (the public content changes only when curators approve it); other
   * statuses are edited directly. Lessons keep their ids either way.
   */
  async update(viewer: Viewer, input: UpdateModuleInput): Promise<ModuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const module = await lockOwnedModule(manager, viewer, input.id);
      if (!EDITABLE_STATUSES.has(module.status)) {
        throw new DomainError(ErrorCode.CONFLICT, `A module that is ${module.status} cannot be edited`);
      }
      if (module.version !== input.expectedVersion) {
        throw staleVersion(module.version, input.expectedVersion);
      }
      const changes: Partial<ModuleEntity> = {};
      if (input.title != null) changes.title = input.title;
      if (input.summary != null) changes.summary = input.summary;
      if (input.description != null) changes.description = storedMarkdown(input.description);
      if (input.categorySlug != null) changes.categoryId = (await this.categoryBySlug(manager, input.categorySlug)).id;
      if (input.skills != null) changes.skills = normalizeSkills(input.skills);
      if (input.level != null) changes.level = input.level;
      if (input.language != null) changes.language = input.language;
      if (input.deliveryMode != null) changes.deliveryMode = input.deliveryMode;
      if (input.priceIdr != null) changes.priceIdr = input.priceIdr;
      if (input.certificate != null) changes.certificate = input.certificate;
      if (module.status === ModuleStatus.PUBLISHED) return this.revisions.edit(manager, viewer, module, changes, input.lessons);
      if (input.lessons != null) {
        const known = await manager.findBy(LessonEntity, { moduleId: module.id });
        await writeLessons(manager, module.id, planLessons(module.id, input.lessons, known));
        changes.durationMinutes = totalDuration(input.lessons);
      }
      return updateVersioned(manager, module, changes);
    });
  }

  async archive(viewer: Viewer, id: string): Promise<ModuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const module = await lockOwnedModule(manager, viewer, id);
      return this.workflow.apply(manager, module, { action: ModerationAction.ARCHIVE, actorId: viewer.id });
    });
  }

  /** A module by id or slug, if the caller may see it: PUBLISHED for everyone, any status for its owner and curators. */
  async find(viewer: Viewer | null, id?: string | null, slug?: string | null): Promise<ModuleEntity> {
    if (!id && !slug) throw badInput('id', 'give id or slug');
    const repository = this.dataSource.getRepository(ModuleEntity);
    const module = id ? (isUuid(id) ? await repository.findOneBy({ id }) : null) : await repository.findOneBy({ slug: slug! });
    if (!module || !canSee(viewer, module)) throw notFound('Module');
    return module;
  }

  /** The caller's own module with its lessons and pending revision, for the editor; others' refused as updateModule refuses them. */
  async ownModule(viewer: Viewer, id: string): Promise<OwnModule> {
    const manager = this.dataSource.manager;
    const module = await findOwnedModule(manager, viewer, id);
    const [lessons, revision] = await Promise.all([
      manager.find(LessonEntity, { where: { moduleId: module.id }, order: { position: 'ASC' } }),
      manager.findOneBy(ModuleRevisionEntity, { moduleId: module.id }),
    ]);
    return { module, lessons, revision };
  }

  /** The caller's own modules, newest first. */
  async mine(viewer: Viewer, status: ModuleStatus | null | undefined, first: number | null | undefined, after?: string | null): Promise<Connection<ModuleEntity>> {
    const size = checkPageSize(first);
    const cursor = decodeCursor(after);
    const query = this.dataSource.getRepository(ModuleEntity).createQueryBuilder('m').where('m.contributor_id = :owner', { owner: viewer.id });
    if (status) query.andWhere('m.status = :status', { status });
    const totalCount = await query.getCount();
    // Cursors carry milliseconds; PostgreSQL keeps microseconds, so both sides are compared at millisecond precision.
    if (cursor) query.andWhere(`(date_trunc('milliseconds', m.created_at), m.id) < (:key::timestamptz, :id)`, { key: cursor.key, id: cursor.id });
    const rows = await query.orderBy(`date_trunc('milliseconds', m.created_at)`, 'DESC').addOrderBy('m.id', 'DESC').limit(size + 1).getMany();
    return { ...toPage(rows, size, cursorOfModule), totalCount };
  }

  /**
   * Whether the caller sees lesson content (contentUrl, body) of `module`: its
   * owner and curators always, a beneficiary enrolled in it while it is PUBLISHED.
   */
  async canSeeContent(viewer: Viewer | null, module: Pick<ModuleEntity, 'id' | 'contributorId' | 'status'>, loaders: Loaders): Promise<boolean> {
    if (isOwnerOrCurator(viewer, module)) return true;
    if (viewer?.role !== Role.BENEFICIARY || module.status !== ModuleStatus.PUBLISHED) return false;
    return (await viewerEnrollments(loaders, this.dataSource, viewer.id).load(module.id)) !== null;
  }

  /** Module.pendingRevision: the owner's and curators' only (null for everyone else), batched per request. */
  async pendingRevision(viewer: Viewer | null, module: Pick<ModuleEntity, 'id' | 'contributorId'>, loaders: Loaders): Promise<ModuleRevisionEntity | null> {
    if (!isOwnerOrCurator(viewer, module)) return null;
    return loaders
      .loader('pendingRevisions', async (moduleIds: readonly string[]) => {
        const revisions = await this.dataSource.getRepository(ModuleRevisionEntity).findBy({ moduleId: In([...moduleIds]) });
        const byModule = new Map(revisions.map((revision) => [revision.moduleId, revision]));
        return moduleIds.map((id) => byModule.get(id) ?? null);
      })
      .load(module.id);
  }

  private async categoryBySlug(manager: EntityManager, slug: string): Promise<CategoryEntity> {
    const category = await manager.findOneBy(CategoryEntity, { slug });
    if (!category) throw badInput('categorySlug', `unknown category '${slug}'`);
    return category;
  }

  private async insertWithUniqueSlug(manager: EntityManager, fields: Partial<ModuleEntity>): Promise<ModuleEntity> {
    const base = slugFromTitle(fields.title!);
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
      const slug = attempt === 0 ? base : withSuffix(base);
      if (await manager.existsBy(ModuleEntity, { slug })) continue;
      // A savepoint keeps the transaction usable if a concurrent insert takes the slug first.
      try {
        return await manager.transaction((inner) => inner.save(inner.create(ModuleEntity, { ...fields, slug })));
      } catch (error) {
        if (uniqueViolation(error) !== 'modules_slug_key') throw error;
      }
    }
    throw new Error('Could not find a free slug');
  }

}

const cursorOfModule = (module: ModuleEntity): Cursor => ({ key: module.createdAt.toISOString(), id: module.id });

