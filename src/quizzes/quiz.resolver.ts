import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { RequestContext } from '../graphql/request-context';
import { toEnrollmentModel } from '../learning/enrollment.mapper';
import { EnrollmentModel } from '../learning/models/enrollment.model';
import { SubmitQuizArgs } from './dto/submit-quiz.args';
import { QuizAttemptModel, QuizResultModel } from './models/quiz.model';
import { toQuizAttemptModel } from './quiz.mapper';
import { QuizService } from './quiz.service';

@Resolver(() => EnrollmentModel)
export class QuizResolver {
  constructor(private readonly quizzes: QuizService) {}

  @Roles(Role.BENEFICIARY)
  @Mutation(() => QuizResultModel, {
    description:
      'The enrolled beneficiary only. Grades the answers on the server (one answer per question, every\nquestion answered, else BAD_USER_INPUT); a score at or above passPercent completes the lesson, and\nthe enrollment when it was the last. completeLesson on a QUIZ lesson is BAD_USER_INPUT: a quiz\ncompletes only by passing. At most 10 attempts per lesson per day (RATE_LIMITED after).\nA passed quiz stays passed.',
  })
  async submitQuiz(@CurrentViewer() viewer: Viewer, @Args() args: SubmitQuizArgs): Promise<QuizResultModel> {
    const { attempt, enrollment } = await this.quizzes.submit(viewer, args.enrollmentId, args.lessonId, args.answers);
    return { attempt: toQuizAttemptModel(attempt), enrollment: toEnrollmentModel(enrollment) };
  }

  @ResolveField(() => [QuizAttemptModel], { description: "This enrollment's quiz attempts, newest first (at most 100)." })
  async quizAttempts(@Parent() enrollment: EnrollmentModel, @Context() ctx: RequestContext): Promise<QuizAttemptModel[]> {
    return (await ctx.loaders.loader('quizAttempts', (ids) => this.quizzes.attemptsOf(ids)).load(enrollment.id)).map(toQuizAttemptModel);
  }
}
