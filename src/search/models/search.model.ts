import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ModuleModel } from '../../catalog/models/module.model';
import { JobState } from '../../queue/job-state';

@ObjectType('Highlight')
export class HighlightModel {
  @Field({ description: 'Title with matched words wrapped in <mark></mark>; all other markup escaped.' })
  title!: string;

  @Field({ description: 'Summary cropped around the matches, same marking.' })
  summary!: string;
}

@ObjectType('ModuleHit')
export class ModuleHitModel {
  @Field(() => ModuleModel)
  module!: ModuleModel;

  @Field(() => HighlightModel)
  highlight!: HighlightModel;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SearchFacets')
export class SearchFacetsModel {
  @Field(() => [FacetCountModel], { description: 'value = category slug' })
  category!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  level!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  language!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  deliveryMode!: FacetCountModel[];

  @Field(() => [FacetCountModel], { description: "value = '0' or '1'" })
  priceIdr!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  certificate!: FacetCountModel[];
}

@ObjectType('ModuleSearchResult')
export class ModuleSearchResultModel {
  @Field(() => [ModuleHitModel])
  hits!: ModuleHitModel[];

  @Field(() => Int)
  totalHits!: number;

  @Field({ description: 'False when the engine stopped counting at its bound (Meilisearch: 1,000 hits): totalHits is then a lower bound ("1000+") and pages past it are empty.' })
  totalHitsExact!: boolean;

  @Field(() => Int)
  page!: number;

  @Field(() => Int)
  pageSize!: number;

  @Field(() => Int)
  totalPages!: number;

  @Field(() => SearchFacetsModel, { description: 'Counts over the whole result set, each computed with every filter but its own.' })
  facets!: SearchFacetsModel;

  @Field(() => Int)
  processingTimeMs!: number;
}

@ObjectType('ReindexJob')
export class ReindexJobModel {
  @Field(() => ID)
  id!: string;

  @Field(() => JobState)
  state!: JobState;

  @Field(() => Int)
  indexedDocuments!: number;
}
