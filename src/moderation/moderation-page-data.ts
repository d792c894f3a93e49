import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { CatalogService } from '../catalog/catalog.service';
import { LessonEntity } from '../catalog/lesson.entity';
import { servedHtml, servedMarkdown } from '../catalog/markdown/served-markdown';
import { isUuid } from '../common/uuid';
import { ModuleEntity, StoredModerationCheck } from '../catalog/module.entity';
import { ModuleRevisionEntity } from '../catalog/module-revision.entity';
import { ModuleStatus } from '../catalog/module-status';
import { notFound } from '../common/domain-error';
import { LoaderRegistry, Loaders } from '../graphql/loaders';
import { ContributorRecord, ContributorRecords } from './contributor-record.service';
import { ModerationService } from './moderation.service';
import { ComparableContent, diffRevision, RevisionDiff } from './revision-diff';
import { RelatedModule } from './views/moderation-findings.view';
import { HistoryEntry } from './views/moderation-history.view';

export const QUEUE_PAGE_SIZE = 20;

interface ContributorName {
  displayName: string;
  organizationName: string | null;
}

/** One submission in the curators' queue. */
export interface QueueEntry {
  id: string;
  /** The submission's title: the pending revision's for an edit of a published module. */
  title: string;
  status: ModuleStatus;
  /** The status of a published module's pending revision, when it has one. */
  revisionStatus: ModuleStatus | null;
  contributor: ContributorName;
  submittedAt: Date | null;
  checks: StoredModerationCheck[];
}

export interface QueuePage {
  entries: QueueEntry[];
  totalCount: number;
  /** The cursor of the next page, when there is one. */
  after: string | null;
}

/** A lesson in full, as curators review it: sanitised body HTML, quiz questions with their correct options. */
export interface ReviewLesson extends Omit<LessonEntity, 'moduleId' | 'body'> {
  bodyHtml: string | null;
}

/** Everything /kurator/modul/{id} shows. */
export interface ReviewPageModel {
  module: ModuleEntity;
  categoryName: string;
  contributor: ContributorName;
  /** A published module's pending revision, against the published content. */
  revision: { status: ModuleStatus; title: string; submittedAt: Date | null; reviewNote: string | null; diff: RevisionDiff } | null;
  /** The module's own content (a new submission, or a published module without a revision). */
  descriptionHtml: string;
  lessons: ReviewLesson[];
  checks: StoredModerationCheck[];
  related: Map<string, RelatedModule>;
  history: HistoryEntry[];
  record: ContributorRecord;
  /** A decision can be posted: the module, or its pending revision, is IN_REVIEW. */
  awaitingDecision: boolean;
}

/** The curators' moderation pages' reads, through the services and loaders the moderation API uses. */
@Injectable()
export class ModerationPageData {
  constructor(
    private readonly moderation: ModerationService,
    private readonly catalog: CatalogService,
    private readonly records: ContributorRecords,
    private readonly loaderRegistry: LoaderRegistry,
  ) {}

  /** moderationQueue: oldest submission first; `status` null is the query's default (IN_REVIEW). */
  async queue(viewer: Viewer, status: ModuleStatus | null, after: string | null): Promise<QueuePage> {
    const page = await this.moderation.queue(status ? [status] : null, QUEUE_PAGE_SIZE, after);
    const loaders = this.loaderRegistry.forRequest();
    const entries = await Promise.all(
      page.nodes.map(async (module): Promise<QueueEntry> => {
        const [revision, contributor] = await Promise.all([this.revisionOf(viewer, module, loaders), this.contributorOf(module, loaders)]);
        return {
          id: module.id,
          title: revision?.title ?? module.title,
          status: module.status,
          revisionStatus: revision?.status ?? null,
          contributor,
          submittedAt: revision ? revision.submittedAt : module.submittedAt,
          checks: revision ? revision.moderationChecks : this.checksOf(viewer, module),
        };
      }),
    );
    return { entries, totalCount: page.totalCount, after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
  }

  /** The module (catalog.find: curators see every status), its submission, findings, history and contributor's record. */
  async review(viewer: Viewer, id: string): Promise<ReviewPageModel> {
    if (!isUuid(id)) throw notFound('Module');
    const module = await this.catalog.find(viewer, id);
    const loaders = this.loaderRegistry.forRequest();
    const [revision, contributor, lessons, category, [events], record] = await Promise.all([
      this.revisionOf(viewer, module, loaders),
      this.contributorOf(module, loaders),
      loaders.lessonsByModule.load(module.id),
      this.catalog.category(module.categoryId),
      this.moderation.histories([module.id]),
      this.records.of(viewer, module.contributorId, module.id),
    ]);
    const checks = revision ? revision.moderationChecks : this.checksOf(viewer, module);
    const related = await this.relatedModules(checks, loaders);
    const history = await Promise.all(
      events.map(async (event): Promise<HistoryEntry> => ({ ...event, actorName: (await loaders.users.load(event.actorId))?.displayName ?? '' })),
    );
    const diff = revision && diffRevision(await this.comparable(module, lessons), await this.comparable(revision, revision.lessons));
    return {
      module,
      categoryName: category.name,
      contributor,
      revision: revision && diff && { status: revision.status, title: revision.title, submittedAt: revision.submittedAt, reviewNote: revision.reviewNote, diff },
      descriptionHtml: servedHtml(module.description),
      lessons: lessons.map(({ moduleId: _moduleId, body, ...lesson }) => ({ ...lesson, bodyHtml: servedHtml(body) })),
      checks,
      related,
      history,
      record,
      awaitingDecision: (revision?.status ?? module.status) === ModuleStatus.IN_REVIEW,
    };
  }

  /** The module's stored findings under the API's rule (Module.moderationChecks). */
  private checksOf(viewer: Viewer, module: ModuleEntity): StoredModerationCheck[] {
    return this.moderation.visibleChecks(viewer, { contributorId: module.contributorId, storedChecks: module.moderationChecks });
  }

  /** A published module's pending revision, as Module.pendingRevision gives it to curators. */
  private revisionOf(viewer: Viewer, module: ModuleEntity, loaders: Loaders): Promise<ModuleRevisionEntity | null> {
    return module.status === ModuleStatus.PUBLISHED ? this.catalog.pendingRevision(viewer, module, loaders) : Promise.resolve(null);
  }

  private async contributorOf(module: ModuleEntity, loaders: Loaders): Promise<ContributorName> {
    const user = await loaders.users.load(module.contributorId);
    return { displayName: user?.displayName ?? '', organizationName: user?.organizationName ?? null };
  }

  /** The modules near-duplicate findings name, each linking to its own review page. */
  private async relatedModules(checks: StoredModerationCheck[], loaders: Loaders): Promise<Map<string, RelatedModule>> {
    const ids = [...new Set(checks.flatMap((check) => check.relatedModuleIds))];
    const modules = await Promise.all(ids.map((id) => loaders.modules.load(id)));
    return new Map(modules.filter((module) => module !== undefined).map((module) => [module.id, { id: module.id, title: module.title, href: `/kurator/modul/${module.id}` }]));
  }

  /** One side of a revision's diff, its Markdown as the API serves it to curators. */
  private async comparable(source: ModuleEntity | ModuleRevisionEntity, lessons: LessonEntity[]): Promise<ComparableContent> {
    return {
      ...source,
      description: servedMarkdown(source.description),
      categoryName: (await this.catalog.category(source.categoryId)).name,
      lessons: lessons.map((lesson) => ({ ...lesson, body: servedMarkdown(lesson.body) })),
    };
  }
}
