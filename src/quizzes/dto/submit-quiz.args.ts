import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_QUESTIONS } from './quiz-lesson.rules';

@InputType('QuizAnswerInput')
export class QuizAnswerInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100, { message: 'questionId is not a question of this lesson' })
  questionId!: string;

  @Field(() => [Int], { description: 'Zero-based indexes of the options chosen.' })
  @ArrayMaxSize(6, { message: "selectedOptions must be indexes of the question's options (from 0)" })
  @IsInt({ each: true })
  selectedOptions!: number[];
}

/** Ids that are not UUIDs name nothing: NOT_FOUND (enrollment) or BAD_USER_INPUT on the field, like completeLesson. */
@ArgsType()
export class SubmitQuizArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  enrollmentId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100, { message: "lessonId is not a lesson of this enrollment's module" })
  lessonId!: string;

  @Field(() => [QuizAnswerInput])
  @ArrayMaxSize(MAX_QUESTIONS, { message: `answers must answer each question once (at most ${MAX_QUESTIONS})` })
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers!: QuizAnswerInput[];
}
