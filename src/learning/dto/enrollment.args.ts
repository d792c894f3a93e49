import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

/** Ids that are not UUIDs are simply not found (NOT_FOUND), like module(id:). */
@ArgsType()
export class EnrollArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  moduleId!: string;
}

@ArgsType()
export class CompleteLessonArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  enrollmentId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100, { message: "lessonId is not a lesson of this enrollment's module" })
  lessonId!: string;
}
