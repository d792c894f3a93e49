import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/models/user.model';
import { toUserModel } from '../accounts/user.mapper';
import { RequestContext } from '../graphql/request-context';
import { CatalogService } from './catalog.service';
import { canSee, isOwnerOrCurator } from './module-access';
import { servedHtml, servedMarkdown } from './markdown/served-markdown';
import { toCategoryModel, toLessonModel } from './module.mapper';
import { CategoryModel, LessonModel, ModuleModel } from './models/module.model';

/** Related rows of a Module, loaded in batches per request. */
@Resolver(() => ModuleModel)
export class ModuleFieldsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => CategoryModel)
  async category(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<CategoryModel> {
    return toCategoryModel(await this.catalog.category(module.categoryId));
  }

  @ResolveField(() => UserModel)
  async contributor(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return module.contributorFromIndex ?? toUserModel((await ctx.loaders.users.load(module.contributorId))!);
  }

  @ResolveField(() => String, { description: 'Sanitised Markdown.' })
  description(@Parent() module: ModuleModel): string {
    return servedMarkdown(module.description);
  }

  @ResolveField(() => String, { description: 'description rendered to sanitised HTML on the server.' })
  descriptionHtml(@Parent() module: ModuleModel): string {
    return servedHtml(module.description);
  }

  @ResolveField(() => [LessonModel])
  async lessons(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<LessonModel[]> {
    // A module withheld from the viewer (moduleAsSeenBy) shows no lessons.
    if (!canSee(ctx.viewer, module)) return [];
    const showContent = await this.catalog.canSeeContent(ctx.viewer, module, ctx.loaders);
    const showAnswers = isOwnerOrCurator(ctx.viewer, module);
    return (await ctx.loaders.lessonsByModule.load(module.id)).map((lesson) => toLessonModel(lesson, showContent, showAnswers));
  }
}
