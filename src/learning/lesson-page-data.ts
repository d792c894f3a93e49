import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { CatalogService } from '../catalog/catalog.service';
import { servedHtml } from '../catalog/markdown/served-markdown';
import { canSee, moduleAsSeenBy } from '../catalog/module-access';
import { toLessonModel } from '../catalog/module.mapper';
import { LessonModel } from '../catalog/models/module.model';
import { ModuleEntity } from '../catalog/module.entity';
import { notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { Loaders, LoaderRegistry } from '../graphql/loaders';
import { QuizAttemptEntity } from '../quizzes/quiz-attempt.entity';
import { QuizService } from '../quizzes/quiz.service';
import { ReviewEntity } from '../reviews/review.entity';
import { ReviewsService } from '../reviews/reviews.service';
import { EnrollmentEntity } from './enrollment.entity';
import { LearningService, Progress } from './learning.service';

/** A lesson as the learner sees it, with its body already rendered to the catalog's sanitised HTML. */
export interface LessonView extends LessonModel {
  bodyHtml: string | null;
}

/** Everything the lesson page shows, read through the same services and visibility rules as the API. */
export interface LessonPageData {
  enrollment: EnrollmentEntity;
  /** As the viewer may see it (moduleAsSeenBy): withheld after a take-down. */
  module: ModuleEntity;
  lessons: LessonView[];
  lesson: LessonView;
  progress: Progress;
  /** The first unfinished lesson after this one (wrapping round); null when all are done. */
  nextLessonId: string | null;
  /** The newest graded attempt at this lesson, for a quiz. */
  latestAttempt: QuizAttemptEntity | null;
  /** The viewer's own rating of the module. */
  review: ReviewEntity | null;
}

/** Reads the lesson page's data; a lesson outside the viewer's own enrollment is NOT_FOUND. */
@Injectable()
export class LessonPageReader {
  constructor(
    private readonly learning: LearningService,
    private readonly catalog: CatalogService,
    private readonly quizzes: QuizService,
    private readonly reviews: ReviewsService,
    private readonly loaderRegistry: LoaderRegistry,
  ) {}

  /** Fresh per-request loaders, as the GraphQL context builds them. */
  loaders(): Loaders {
    return this.loaderRegistry.forRequest();
  }

  async read(viewer: Viewer, enrollmentId: string, lessonId: string): Promise<LessonPageData> {
    if (!isUuid(lessonId)) throw notFound('Lesson');
    const enrollment = await this.learning.ownEnrollment(viewer, enrollmentId);
    const loaders = this.loaders();
    const module = moduleAsSeenBy(viewer, (await loaders.modules.load(enrollment.moduleId))!);
    const lessons = await this.visibleLessons(viewer, module, loaders);
    const lesson = lessons.find((candidate) => candidate.id === lessonId);
    if (!lesson) throw notFound('Lesson');
    const [progress, nextLessonId, attempts, review] = await Promise.all([
      this.learning.progressOf(enrollment, loaders),
      this.learning.nextLessonId(enrollment, loaders, lesson.id),
      lesson.questions ? this.quizzes.attemptsOf([enrollment.id]) : Promise.resolve([[]]),
      this.reviews.reviewBy(viewer.id, enrollment.moduleId),
    ]);
    const latestAttempt = attempts[0].find((attempt) => attempt.lessonId === lesson.id) ?? null;
    return { enrollment, module, lessons, lesson, progress, nextLessonId, latestAttempt, review };
  }

  /** Module.lessons' rule: none of a withheld module; content only when the viewer may see it. */
  private async visibleLessons(viewer: Viewer, module: ModuleEntity, loaders: Loaders): Promise<LessonView[]> {
    if (!canSee(viewer, module)) return [];
    const showContent = await this.catalog.canSeeContent(viewer, module, loaders);
    return (await loaders.lessonsByModule.load(module.id)).map((entity) => {
      const lesson = toLessonModel(entity, showContent, false);
      return { ...lesson, bodyHtml: servedHtml(lesson.body) };
    });
  }
}
