import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { CatalogService } from './catalog.service';
import { ModuleInput, UpdateModuleInput } from './dto/module.input';
import { toCategoryModel, toModuleModel } from './module.mapper';
import { ModuleStatus } from './module-status';
import { CategoryModel, ModuleConnection, ModuleModel } from './models/module.model';

@Resolver(() => ModuleModel)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => [CategoryModel])
  async categories(): Promise<CategoryModel[]> {
    return (await this.catalog.categories()).map(toCategoryModel);
  }

  @Query(() => ModuleModel, { nullable: true, description: 'PUBLISHED modules for everyone; any status for the owner and curators.' })
  async module(
    @CurrentViewer() viewer: Viewer | null,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ): Promise<ModuleModel> {
    return toModuleModel(await this.catalog.find(viewer, id, slug));
  }

  @Roles(Role.CONTRIBUTOR)
  @Query(() => ModuleConnection, { description: "CONTRIBUTOR only: the caller's own modules, newest first." })
  async myModules(
    @CurrentViewer() viewer: Viewer,
    @Args('status', { type: () => ModuleStatus, nullable: true }) status?: ModuleStatus,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ModuleConnection> {
    const page = await this.catalog.mine(viewer, status, first, after);
    return { ...page, nodes: page.nodes.map(toModuleModel) };
  }

  @Roles(Role.CONTRIBUTOR)
  @Mutation(() => ModuleModel, { description: 'CONTRIBUTOR only; creates a DRAFT owned by the caller.' })
  async createModule(@CurrentViewer() viewer: Viewer, @Args('input') input: ModuleInput): Promise<ModuleModel> {
    return toModuleModel(await this.catalog.create(viewer, input));
  }

  @Roles(Role.CONTRIBUTOR)
  @Mutation(() => ModuleModel, {
    description: "Owner only, not in IN_REVIEW or ARCHIVED; stale expectedVersion is CONFLICT. A PUBLISHED module's edit becomes its pending revision.",
  })
  async updateModule(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateModuleInput): Promise<ModuleModel> {
    return toModuleModel(await this.catalog.update(viewer, input));
  }

  @Roles(Role.CONTRIBUTOR)
  @Mutation(() => ModuleModel, { description: 'Owner only.' })
  async archiveModule(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ModuleModel> {
    return toModuleModel(await this.catalog.archive(viewer, id));
  }
}

