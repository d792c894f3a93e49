import { Get, Query } from '@nestjs/common';
import { Role } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { badInput } from '../common/domain-error';
import { LoaderRegistry } from '../graphql/loaders';
import { ContributorStatsService } from '../learning/contributor-stats.service';
import { ModerationEventEntity } from '../moderation/moderation-event.entity';
import { ModerationService } from '../moderation/moderation.service';
import { asText } from '../web/form';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { CatalogService } from './catalog.service';
import { ModuleEntity } from './module.entity';
import { toModuleModel } from './module.mapper';
import { ModuleStatus } from './module-status';
import { ModuleRevisionEntity } from './module-revision.entity';
import { MyModuleItem, MyModulesView } from './views/my-modules.view';

const PAGE_SIZE = 20;

/** Statuses whose latest curator note tells the owner what to fix (or why the module went down). */
const NOTED_STATUSES: ReadonlySet<ModuleStatus> = new Set([ModuleStatus.CHANGES_REQUESTED, ModuleStatus.REJECTED, ModuleStatus.UNPUBLISHED]);

/** ?status= as a filter: absent or empty is every status; anything but a ModuleStatus is a bad request. */
function statusFilter(value: unknown): ModuleStatus | null {
  if (value === undefined || value === '') return null;
  const text = asText(value);
  if (!Object.values<string>(ModuleStatus).includes(text)) throw badInput('status', 'is not a module status');
  return text as ModuleStatus;
}

/**
 * The curator's note behind where the module stands now: a pending revision's
 * review note, else the newest event's note that moved the module into its
 * current status (request changes, reject, take down).
 */
function curatorNoteOf(module: ModuleEntity, revision: ModuleRevisionEntity | null, history: readonly ModerationEventEntity[]): string | null {
  if (revision) return NOTED_STATUSES.has(revision.status) ? revision.reviewNote : null;
  if (!NOTED_STATUSES.has(module.status)) return null;
  const event = history.findLast((entry) => entry.toStatus === module.status && entry.note);
  return event?.note ?? null;
}

/** /kontributor, "Modul Saya": myModules with each module's pending revision, curator note and counters, and myContributorStats. */
@WebController('kontributor')
@SignedIn(Role.CONTRIBUTOR)
export class MyModulesPages {
  constructor(
    private readonly catalog: CatalogService,
    private readonly moderation: ModerationService,
    private readonly contributorStats: ContributorStatsService,
    private readonly loaders: LoaderRegistry,
  ) {}

  @Get()
  async myModules(@Page() ctx: PageContext, @Query('status') status?: unknown, @Query('setelah') after?: unknown): Promise<string> {
    const viewer = ctx.viewer!;
    const filter = statusFilter(status);
    const [page, totals] = await Promise.all([this.catalog.mine(viewer, filter, PAGE_SIZE, asText(after) || null), this.contributorStats.stats(viewer)]);
    const items = await this.itemsOf(viewer, page.nodes);
    const nextPage = page.pageInfo.hasNextPage && page.pageInfo.endCursor ? new URLSearchParams({ ...(filter ? { status: filter } : {}), setelah: page.pageInfo.endCursor }).toString() : null;
    return renderDocument(MyModulesView({ ctx, items, totals, status: filter, totalCount: page.totalCount, nextPage, paged: Boolean(asText(after)) }));
  }

  /** Module.pendingRevision (batched, the owner's own) and Module.moderationHistory (one query for the page), as the API resolves them. */
  private async itemsOf(viewer: Viewer, modules: ModuleEntity[]): Promise<MyModuleItem[]> {
    if (modules.length === 0) return [];
    const loaders = this.loaders.forRequest();
    const [revisions, histories] = await Promise.all([
      Promise.all(modules.map((module) => this.catalog.pendingRevision(viewer, module, loaders))),
      this.moderation.histories(modules.map((module) => module.id)),
    ]);
    return modules.map((module, index) => {
      const model = toModuleModel(module);
      return {
        id: model.id,
        slug: model.slug,
        title: model.title,
        status: model.status,
        updatedAt: model.updatedAt,
        revisionStatus: revisions[index]?.status ?? null,
        curatorNote: curatorNoteOf(module, revisions[index], histories[index]),
        enrollmentCount: model.enrollmentCount,
        completionCount: model.completionCount,
        ratingAverage: model.ratingAverage,
        ratingCount: model.ratingCount,
      };
    });
  }
}
