import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/models/user.model';
import { toUserModel } from '../accounts/user.mapper';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { isOwnerOrCurator } from '../catalog/module-access';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleStatus } from '../catalog/module-status';
import { ModuleConnection, ModuleModel } from '../catalog/models/module.model';
import { RequestContext } from '../graphql/request-context';
import { ReviewModuleInput } from './dto/review-module.input';
import { ModerationCheckModel, ModerationEventModel } from './models/moderation.model';
import { ModerationService } from './moderation.service';

@Resolver(() => ModuleModel)
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Roles(Role.CURATOR, Role.ADMIN)
  @Query(() => ModuleConnection, { description: 'CURATOR or ADMIN: IN_REVIEW modules by default (PUBLISHED ones with an IN_REVIEW revision among them), oldest submission first.' })
  async moderationQueue(
    @Args('statuses', { type: () => [ModuleStatus], nullable: true }) statuses?: ModuleStatus[],
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ModuleConnection> {
    const page = await this.moderation.queue(statuses, first, after);
    return { ...page, nodes: page.nodes.map(toModuleModel) };
  }

  @Roles(Role.CONTRIBUTOR)
  @Mutation(() => ModuleModel, { description: 'Owner only; DRAFT, CHANGES_REQUESTED or UNPUBLISHED -> IN_REVIEW (a PUBLISHED module: its CHANGES_REQUESTED revision); runs the automatic checks.' })
  async submitModule(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ModuleModel> {
    return toModuleModel(await this.moderation.submit(viewer, id));
  }

  @Roles(Role.CURATOR, Role.ADMIN)
  @Mutation(() => ModuleModel, { description: 'CURATOR or ADMIN; the module, or a PUBLISHED module\'s pending revision, must be IN_REVIEW.' })
  async reviewModule(@CurrentViewer() viewer: Viewer, @Args('input') input: ReviewModuleInput): Promise<ModuleModel> {
    return toModuleModel(await this.moderation.review(viewer, input));
  }

  @Roles(Role.CURATOR, Role.ADMIN)
  @Mutation(() => ModuleModel, { description: 'CURATOR or ADMIN; PUBLISHED -> UNPUBLISHED; note required.' })
  async unpublishModule(
    @CurrentViewer() viewer: Viewer,
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('note') note: string,
  ): Promise<ModuleModel> {
    return toModuleModel(await this.moderation.unpublish(viewer, moduleId, note));
  }

  @ResolveField(() => [ModerationEventModel], { description: 'Owner and curators only; empty list for others.' })
  async moderationHistory(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<ModerationEventModel[]> {
    if (!isOwnerOrCurator(ctx.viewer, module)) return [];
    return ctx.loaders.loader('moderationHistory', (ids) => this.moderation.histories(ids)).load(module.id);
  }

  @ResolveField(() => [ModerationCheckModel], { description: 'Curators and owner only; empty list for others.' })
  moderationChecks(@Parent() module: ModuleModel, @Context() ctx: RequestContext): ModerationCheckModel[] {
    return this.moderation.visibleChecks(ctx.viewer, module);
  }
}

@Resolver(() => ModerationEventModel)
export class ModerationEventResolver {
  @ResolveField(() => UserModel)
  async actor(@Parent() event: ModerationEventModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.users.load(event.actorId))!);
  }
}
