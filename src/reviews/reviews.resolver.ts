import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/models/user.model';
import { toUserModel } from '../accounts/user.mapper';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { servedMarkdown } from '../catalog/markdown/served-markdown';
import { moduleAsSeenBy } from '../catalog/module-access';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleModel } from '../catalog/models/module.model';
import { RequestContext } from '../graphql/request-context';
import { RateModuleInput } from './dto/rate-module.input';
import { ReviewModel } from './models/review.model';
import { toReviewModel } from './review.mapper';
import { ReviewsService } from './reviews.service';

@Resolver(() => ReviewModel)
export class ReviewsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @Roles(Role.BENEFICIARY)
  @Mutation(() => ReviewModel, { description: 'BENEFICIARY enrolled in the module; one review per beneficiary and module, a second call replaces it.' })
  async rateModule(@CurrentViewer() viewer: Viewer, @Args('input') input: RateModuleInput): Promise<ReviewModel> {
    return toReviewModel(await this.reviews.rate(viewer, input));
  }

  @Query(() => [ReviewModel], { description: 'Reviews of a PUBLISHED module, newest first.' })
  async moduleReviews(
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The id of the last review already seen.' }) after?: string,
  ): Promise<ReviewModel[]> {
    return (await this.reviews.ofModule(moduleId, first, after)).map(toReviewModel);
  }

  @ResolveField(() => String, { nullable: true })
  comment(@Parent() review: ReviewModel): string | null {
    return servedMarkdown(review.comment);
  }

  @ResolveField(() => ModuleModel)
  async module(@Parent() review: ReviewModel, @Context() ctx: RequestContext): Promise<ModuleModel> {
    return toModuleModel(moduleAsSeenBy(ctx.viewer, (await ctx.loaders.modules.load(review.moduleId))!));
  }

  @ResolveField(() => UserModel)
  async author(@Parent() review: ReviewModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.users.load(review.authorId))!);
  }
}
