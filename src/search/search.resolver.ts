import { Args, Context, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { isUuid } from '../catalog/module-access';
import { RequestContext } from '../graphql/request-context';
import { SearchModulesInput } from './dto/search-modules.input';
import { hitsAnswerableFromIndex } from './indexed-module';
import { ModuleSearchResultModel, ReindexJobModel } from './models/search.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => ModuleSearchResultModel, { description: 'Public: searches PUBLISHED modules only.' })
  searchModules(@Args('input') input: SearchModulesInput, @Context() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ModuleSearchResultModel> {
    return this.search.search(input, ctx.loaders, hitsAnswerableFromIndex(info));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ReindexJobModel, { description: 'ADMIN only; rebuilds the search index from the database without downtime.' })
  reindexSearch(@CurrentViewer() viewer: Viewer): Promise<ReindexJobModel> {
    return this.search.requestReindex(viewer);
  }

  @Roles(Role.ADMIN)
  @Query(() => ReindexJobModel, { nullable: true, description: 'ADMIN only.' })
  async reindexJob(@Args('id', { type: () => ID }) id: string): Promise<ReindexJobModel | null> {
    return isUuid(id) ? this.search.reindexJob(id) : null;
  }
}
