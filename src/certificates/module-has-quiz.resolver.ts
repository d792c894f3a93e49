import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ModuleModel } from '../catalog/models/module.model';
import { LessonKind } from '../catalog/module-status';
import { RequestContext } from '../graphql/request-context';

@Resolver(() => ModuleModel)
export class ModuleHasQuizResolver {
  @ResolveField(() => Boolean, { description: 'True when the module has at least one QUIZ lesson: completion is verified by graded quizzes.\nOnly QUIZ lessons with questions count (older ones written before graded quizzes are not graded).' })
  async hasQuiz(@Parent() module: ModuleModel, @Context() ctx: RequestContext): Promise<boolean> {
    if (module.hasQuizFromIndex !== undefined) return module.hasQuizFromIndex;
    return (await ctx.loaders.lessonsByModule.load(module.id)).some((lesson) => lesson.kind === LessonKind.QUIZ && lesson.questions !== null);
  }
}
