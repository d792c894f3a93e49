import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/models/user.model';
import { toUserModel } from '../accounts/user.mapper';
import { RequestContext } from '../graphql/request-context';
import { CatalogService } from './catalog.service';
import { toLessonModel } from './module.mapper';
import { CategoryModel, LessonModel, ModuleModel } from './models/module.model';

/** Related rows of a Module, loaded in batches per request. */
@Resolver(() => ModuleModel)
export class ModuleFieldsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => CategoryModel)
  async category(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<Omit<CategoryModel, 'moduleCount'>> {
    return (await ctx.loaders.categories.load(module.categoryId))!;
  }

  @ResolveField(() => UserModel)
  async contributor(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.users.load(module.contributorId))!);
  }

  @ResolveField(() => [LessonModel])
  async lessons(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<LessonModel[]> {
    const showContent = this.catalog.canSeeContent(ctx.viewer, module);
    return (await ctx.loaders.lessonsByModule.load(module.id)).map((lesson) => toLessonModel(lesson, showContent));
  }
}

/** Category.moduleCount for categories reached through a module (the categories query fills it directly). */
@Resolver(() => CategoryModel)
export class CategoryFieldsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Number of PUBLISHED modules in the category.' })
  moduleCount(@Parent() category: Partial<CategoryModel> & { id: string }, @Context() ctx: RequestContext): Promise<number> | number {
    return category.moduleCount ?? ctx.loaders.loader('publishedCountByCategory', (ids) => this.catalog.publishedCounts(ids)).load(category.id);
  }
}
