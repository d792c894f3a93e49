import { Module } from '@nestjs/common';
import { ModuleRatingResolver } from './module-rating.resolver';
import { RatingBaseline } from './rating-baseline.service';
import { RatingMeanRefresh } from './rating-mean-refresh';

@Module({
  providers: [RatingBaseline, RatingMeanRefresh, ModuleRatingResolver],
})
export class RatingsModule {}
