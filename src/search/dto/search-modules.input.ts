import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ContributorKind } from '../../accounts/user.entity';
import { Trim } from '../../common/transforms';
import { DeliveryMode, Level } from '../../catalog/module-status';

export enum ModuleSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  RATING = 'RATING',
  POPULARITY = 'POPULARITY',
  DURATION_ASC = 'DURATION_ASC',
  DURATION_DESC = 'DURATION_DESC',
}
registerEnumType(ModuleSort, { name: 'ModuleSort' });

@InputType('SearchModulesInput')
export class SearchModulesInput {
  @Field(() => String, { nullable: true, defaultValue: '', description: 'Typo-tolerant, prefix-matching full-text query over title, skills, summary, description, category name, contributor name. Empty = browse.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  categorySlugs?: string[] | null;

  @Field(() => [Level], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsEnum(Level, { each: true })
  levels?: Level[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  languages?: string[] | null;

  @Field(() => [DeliveryMode], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsEnum(DeliveryMode, { each: true })
  deliveryModes?: DeliveryMode[] | null;

  @Field(() => [Int], { nullable: true, description: 'Subset of [0, 1].' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsIn([0, 1], { each: true, message: 'priceIdr may hold only 0 and 1' })
  priceIdr?: number[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  certificate?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minDurationMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxDurationMinutes?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(5)
  minRating?: number | null;

  @Field(() => [ContributorKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsEnum(ContributorKind, { each: true })
  contributorKinds?: ContributorKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only modules whose completion is verified by graded quizzes.' })
  @IsOptional()
  @IsBoolean()
  hasQuiz?: boolean | null;

  @Field(() => ModuleSort, { nullable: true, defaultValue: ModuleSort.RELEVANCE })
  @IsOptional()
  @IsEnum(ModuleSort)
  sort?: ModuleSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '1-based.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'page must be 1 or more' })
  @Max(10_000, { message: 'page must be at most 10000' })
  page?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1..100' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'pageSize must be between 1 and 100' })
  @Max(100, { message: 'pageSize must be between 1 and 100' })
  pageSize?: number | null;
}
