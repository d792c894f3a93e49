import { Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ModuleModel } from '../catalog/models/module.model';
import { RatingBaseline } from './rating-baseline.service';
import { confidenceRating } from './rating-score';

@Resolver(() => ModuleModel)
export class ModuleRatingResolver {
  constructor(private readonly baseline: RatingBaseline) {}

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Confidence-weighted rating: (C * m + sum of ratings) / (C + ratingCount), with m the mean of\nevery rating given to PUBLISHED modules (each review counts once) and C = 10; m may be a few\nminutes stale. Null while the module has no rating.\nThe RATING sort orders by it, so one 5-star review does not outrank a hundred 4.8s.',
  })
  async ratingScore(@Parent() module: ModuleModel): Promise<number | null> {
    return confidenceRating(module.ratingSum, module.ratingCount, await this.baseline.mean());
  }
}
