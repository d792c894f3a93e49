import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EnrollmentModel } from '../../learning/models/enrollment.model';

@ObjectType('QuizQuestion', { description: 'A question of a QUIZ lesson. Nobody but the owner and curators ever sees which options are correct.' })
export class QuizQuestionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  prompt!: string;

  @Field(() => [String])
  options!: string[];

  @Field({ description: 'True when more than one option is correct; the answer must select all of them.' })
  multipleAnswers!: boolean;

  @Field(() => [Int], { nullable: true, description: 'Owner and curators only (to review the quiz); null for everyone else.' })
  correctOptions!: number[] | null;
}

@ObjectType('QuizAttempt', { description: 'One graded attempt at a QUIZ lesson.' })
export class QuizAttemptModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  lessonId!: string;

  @Field(() => Int, { description: '0..100' })
  scorePercent!: number;

  @Field()
  passed!: boolean;

  @Field(() => [Boolean], { description: "Per question, in the lesson's order: whether it was answered correctly. Which options were correct is never shown." })
  correct!: boolean[];

  @Field()
  attemptedAt!: Date;
}

@ObjectType('QuizResult')
export class QuizResultModel {
  @Field(() => QuizAttemptModel)
  attempt!: QuizAttemptModel;

  @Field(() => EnrollmentModel)
  enrollment!: EnrollmentModel;
}
