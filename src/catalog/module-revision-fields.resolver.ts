import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { ModerationCheckModel } from '../moderation/models/moderation.model';
import { CatalogService } from './catalog.service';
import { servedMarkdown } from './markdown/served-markdown';
import { toCategoryModel, toLessonModel } from './module.mapper';
import { toModuleRevisionModel } from './module-revision.mapper';
import { CategoryModel, LessonModel, ModuleModel } from './models/module.model';
import { ModuleRevisionModel } from './models/module-revision.model';

/** Module.pendingRevision, batched per request. */
@Resolver(() => ModuleModel)
export class ModulePendingRevisionResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => ModuleRevisionModel, { nullable: true, description: 'Owner and curators only: the edit awaiting review, if any. Null for everyone else.' })
  async pendingRevision(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<ModuleRevisionModel | null> {
    const revision = await this.catalog.pendingRevision(ctx.viewer, module, ctx.loaders);
    return revision && toModuleRevisionModel(revision);
  }
}

/** Only the owner and curators reach a revision, so its lessons show their content. */
@Resolver(() => ModuleRevisionModel)
export class ModuleRevisionFieldsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => String, { description: 'Sanitised Markdown.' })
  description(@Parent() revision: ModuleRevisionModel): string {
    return servedMarkdown(revision.description);
  }

  @ResolveField(() => CategoryModel)
  async category(@Parent() revision: ModuleRevisionModel): Promise<CategoryModel> {
    return toCategoryModel(await this.catalog.category(revision.categoryId));
  }

  @ResolveField(() => [LessonModel])
  lessons(@Parent() revision: ModuleRevisionModel): LessonModel[] {
    return revision.lessonRows.map((lesson) => toLessonModel(lesson, true, true));
  }

  @ResolveField(() => [ModerationCheckModel], { description: 'Findings of the automatic checks on this revision.' })
  moderationChecks(@Parent() revision: ModuleRevisionModel): ModerationCheckModel[] {
    return revision.storedChecks;
  }
}
