import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { CatalogService } from './catalog.service';
import { CategoryModel } from './models/module.model';

@Resolver(() => CategoryModel)
export class CategoryFieldsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Number of PUBLISHED modules in the category.' })
  moduleCount(@Parent() category: CategoryModel, @Context() ctx: RequestContext): Promise<number> {
    return ctx.loaders.loader('categoryModuleCounts', (ids) => this.catalog.publishedModuleCounts(ids)).load(category.id);
  }
}
