import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { moduleAsSeenBy } from '../catalog/module-access';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleModel } from '../catalog/models/module.model';
import { RequestContext } from '../graphql/request-context';
import { ContributorStatsService } from './contributor-stats.service';
import { CompleteLessonArgs, EnrollArgs } from './dto/enrollment.args';
import { toEnrollmentModel } from './enrollment.mapper';
import { LearningService } from './learning.service';
import { ContributorStatsModel, EnrollmentConnection, EnrollmentModel } from './models/enrollment.model';

@Resolver(() => EnrollmentModel)
export class LearningResolver {
  constructor(
    private readonly learning: LearningService,
    private readonly contributorStats: ContributorStatsService,
  ) {}

  @Roles(Role.BENEFICIARY)
  @Mutation(() => EnrollmentModel, {
    description:
      'BENEFICIARY only; PUBLISHED modules only. Idempotent: a second call returns\nthe existing enrollment and charges nothing. A Rp1 module charges Rp1 to the\ntraining credit when the balance is at least Rp1, and is otherwise recorded as\nFEE_WAIVED: a beneficiary with no credit left is never turned away.',
  })
  async enroll(@CurrentViewer() viewer: Viewer, @Args() args: EnrollArgs): Promise<EnrollmentModel> {
    return toEnrollmentModel(await this.learning.enroll(viewer, args.moduleId));
  }

  @Roles(Role.BENEFICIARY)
  @Mutation(() => EnrollmentModel, { description: 'The enrolled beneficiary only; idempotent; completing the last lesson completes the enrollment.' })
  async completeLesson(@CurrentViewer() viewer: Viewer, @Args() args: CompleteLessonArgs): Promise<EnrollmentModel> {
    return toEnrollmentModel(await this.learning.completeLesson(viewer, args.enrollmentId, args.lessonId));
  }

  @Roles(Role.BENEFICIARY)
  @Query(() => EnrollmentConnection, { description: 'BENEFICIARY only.' })
  async myEnrollments(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<EnrollmentConnection> {
    const page = await this.learning.mine(viewer, first, after);
    return { ...page, nodes: page.nodes.map(toEnrollmentModel) };
  }

  @Roles(Role.CONTRIBUTOR)
  @Query(() => ContributorStatsModel, { description: 'CONTRIBUTOR only.' })
  myContributorStats(@CurrentViewer() viewer: Viewer): Promise<ContributorStatsModel> {
    return this.contributorStats.stats(viewer);
  }

  @ResolveField(() => ModuleModel)
  async module(@Parent() enrollment: EnrollmentModel, @Context() ctx: RequestContext): Promise<ModuleModel> {
    return toModuleModel(moduleAsSeenBy(ctx.viewer, (await ctx.loaders.modules.load(enrollment.moduleId))!));
  }

  @ResolveField(() => [ID], { description: 'Ids of completed lessons.' })
  completedLessonIds(@Parent() enrollment: EnrollmentModel, @Context() ctx: RequestContext): Promise<string[]> {
    return this.learning.completedLessons(enrollment.id, ctx.loaders);
  }

  @ResolveField(() => Int, { description: '0..100, completed lessons over all lessons.' })
  progressPercent(@Parent() enrollment: EnrollmentModel, @Context() ctx: RequestContext): Promise<number> {
    return this.learning.progress(enrollment, ctx.loaders);
  }
}

/** Module.myEnrollment: the caller's enrollment, batched across a page of modules. */
@Resolver(() => ModuleModel)
export class ModuleEnrollmentResolver {
  constructor(private readonly learning: LearningService) {}

  @ResolveField(() => EnrollmentModel, { nullable: true, description: 'The caller\'s enrollment, when the caller is an enrolled beneficiary.' })
  async myEnrollment(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<EnrollmentModel | null> {
    const enrollment = await this.learning.viewerEnrollment(ctx.viewer, module.id, ctx.loaders);
    return enrollment && toEnrollmentModel(enrollment);
  }
}
