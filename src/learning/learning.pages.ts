import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { canSee, moduleAsSeenBy } from '../catalog/module-access';
import { RateLimitedError } from '../common/domain-error';
import { Loaders } from '../graphql/loaders';
import { SubmitQuizArgs } from '../quizzes/dto/submit-quiz.args';
import { QuizQuestionModel } from '../quizzes/models/quiz.model';
import { MAX_ATTEMPTS_PER_DAY, QuizService } from '../quizzes/quiz.service';
import { RateModuleInput } from '../reviews/dto/rate-module.input';
import { ReviewsService } from '../reviews/reviews.service';
import { asList, asText, FormErrors, formErrorsOf, readForm } from '../web/form';
import { formatDuration } from '../web/format';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { WebRequest } from '../web/web-request';
import { EnrollmentEntity, EnrollmentStatus } from './enrollment.entity';
import { LearningService } from './learning.service';
import { LessonPageReader } from './lesson-page-data';
import { LessonView } from './views/lesson.view';
import { EnrollmentItem, MyLearningView } from './views/my-learning.view';
import { answerField } from './views/quiz-form';

type Form = Record<string, unknown>;

const PAGE_SIZE = 20;

/** /belajar and its lesson pages: the same services as enroll, myEnrollments, completeLesson, submitQuiz and rateModule. */
@WebController('belajar')
@SignedIn(Role.BENEFICIARY)
export class LearningPages {
  constructor(
    private readonly learning: LearningService,
    private readonly lessonPages: LessonPageReader,
    private readonly quizzes: QuizService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get()
  async myLearning(@Page() ctx: PageContext, @Query('setelah') after?: string): Promise<string> {
    const viewer = ctx.viewer!;
    const page = await this.learning.mine(viewer, PAGE_SIZE, asText(after) || null);
    const loaders = this.lessonPages.loaders();
    const items = await Promise.all(page.nodes.map((enrollment) => this.enrollmentItem(viewer, enrollment, loaders)));
    const nextPage = page.pageInfo.hasNextPage && page.pageInfo.endCursor ? new URLSearchParams({ setelah: page.pageInfo.endCursor }).toString() : null;
    return renderDocument(MyLearningView({ ctx, items, totalCount: page.totalCount, nextPage, paged: Boolean(after) }));
  }

  /** Enrols (idempotent: already enrolled is fine) and opens the lesson to continue with. */
  @Post()
  async enroll(@Page() ctx: PageContext, @Res() res: Response, @Body() form: Form): Promise<void> {
    const enrollment = await this.learning.enroll(ctx.viewer!, asText(form.moduleId));
    const lessonId = await this.continueLessonId(enrollment, this.lessonPages.loaders());
    res.redirect(303, lessonId ? `/belajar/${enrollment.id}/${lessonId}?pesan=terdaftar_modul` : '/belajar?pesan=terdaftar_modul');
  }

  @Get(':enrollmentId/:lessonId')
  async lesson(@Page() ctx: PageContext, @Param('enrollmentId') enrollmentId: string, @Param('lessonId') lessonId: string): Promise<string> {
    return renderDocument(LessonView({ ctx, data: await this.lessonPages.read(ctx.viewer!, enrollmentId, lessonId) }));
  }

  /**
   * completeLesson, then the next unfinished lesson; the last one shows the completion on the same page.
   * Sent in the background (site.js), it answers this lesson's page, whose parts replace the ones on screen.
   */
  @Post(':enrollmentId/:lessonId/selesai')
  async complete(@Page() ctx: PageContext, @Req() req: WebRequest, @Res() res: Response, @Param('enrollmentId') enrollmentId: string, @Param('lessonId') lessonId: string): Promise<void> {
    const data = await this.lessonPages.read(ctx.viewer!, enrollmentId, lessonId);
    const enrollment = await this.learning.completeLesson(ctx.viewer!, data.enrollment.id, data.lesson.id);
    const inBackground = req.get('x-requested-with') === 'fetch';
    res.redirect(303, inBackground ? this.sameLesson(enrollment, data.lesson.id) : await this.afterCompletion(enrollment, data.lesson.id, 'selesai'));
  }

  /** submitQuiz; the page then shows the attempt's grade. Unanswered questions are marked before anything is graded. */
  @Post(':enrollmentId/:lessonId/kuis')
  async submitQuiz(@Page() ctx: PageContext, @Res() res: Response, @Param('enrollmentId') enrollmentId: string, @Param('lessonId') lessonId: string, @Body() form: Form): Promise<void> {
    const data = await this.lessonPages.read(ctx.viewer!, enrollmentId, lessonId);
    const questions = data.lesson.questions ?? [];
    const chosen = Object.fromEntries(questions.map((question) => [question.id, asList(form[answerField(question.id)])]));
    const refuse = (status: number, errors: FormErrors) => res.status(status).send(renderDocument(LessonView({ ctx, data, quiz: { chosen, errors } })));

    const unanswered = questions.filter((question) => chosen[question.id].length === 0);
    if (unanswered.length > 0) return void refuse(422, Object.fromEntries(unanswered.map((question) => [question.id, 'Pilih jawaban untuk pertanyaan ini.'])));
    const answers = questions.map((question) => ({ questionId: question.id, selectedOptions: chosen[question.id].map(Number) }));
    const input = await readForm(SubmitQuizArgs, { enrollmentId: data.enrollment.id, lessonId: data.lesson.id, answers });
    if (!input.ok) return void refuse(422, quizErrors(input.errors, questions));
    try {
      const outcome = await this.quizzes.submit(ctx.viewer!, input.value.enrollmentId, input.value.lessonId, input.value.answers);
      const finished = outcome.attempt.passed && outcome.enrollment.status === EnrollmentStatus.COMPLETED;
      const notice = finished ? 'modul-selesai' : outcome.attempt.passed ? 'kuis-lulus' : 'kuis-belum-lulus';
      res.redirect(303, `/belajar/${data.enrollment.id}/${data.lesson.id}?pesan=${notice}`);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        const wait = formatDuration(Math.ceil(error.retryAfterSeconds / 60));
        return void refuse(429, { _form: `Anda sudah mencoba kuis ini ${MAX_ATTEMPTS_PER_DAY} kali dalam 24 jam. Coba lagi dalam ${wait}.` });
      }
      refuse(422, quizErrors(formErrorsOf(error), questions));
    }
  }

  /** rateModule for the enrollment's module; a second rating replaces the first. */
  @Post(':enrollmentId/nilai')
  async rate(@Page() ctx: PageContext, @Res() res: Response, @Param('enrollmentId') enrollmentId: string, @Body() form: Form): Promise<void> {
    const viewer = ctx.viewer!;
    const enrollment = await this.learning.ownEnrollment(viewer, enrollmentId);
    const values = { rating: asText(form.rating), comment: asText(form.comment) };
    const input = await readForm(RateModuleInput, {
      moduleId: enrollment.moduleId,
      rating: values.rating === '' ? undefined : Number(values.rating),
      comment: values.comment.trim() === '' ? null : values.comment,
    });
    let errors = input.ok ? undefined : input.errors;
    const backTo = asText(form.pelajaran);
    if (input.ok) {
      try {
        await this.reviews.rate(viewer, input.value);
        res.redirect(303, `/belajar/${enrollment.id}/${encodeURIComponent(backTo)}?pesan=dinilai#nilai`);
        return;
      } catch (error) {
        errors = formErrorsOf(error);
      }
    }
    if (errors?.rating) errors = { ...errors, rating: 'Pilih 1 sampai 5 bintang.' };
    const data = await this.lessonPages.read(viewer, enrollment.id, backTo);
    res.status(422).send(renderDocument(LessonView({ ctx, data, rating: { values, errors: errors ?? {} } })));
  }

  private async enrollmentItem(viewer: Viewer, enrollment: EnrollmentEntity, loaders: Loaders): Promise<EnrollmentItem> {
    const module = moduleAsSeenBy(viewer, (await loaders.modules.load(enrollment.moduleId))!);
    const [progress, continueLessonId] = await Promise.all([this.learning.progressOf(enrollment, loaders), this.continueLessonId(enrollment, loaders)]);
    return {
      enrollmentId: enrollment.id,
      status: enrollment.status,
      enrolledAt: enrollment.enrolledAt,
      moduleTitle: module.title,
      available: canSee(viewer, module),
      progress,
      continueLessonId,
    };
  }

  /** The first unfinished lesson, or the first lesson once every one is done. */
  private async continueLessonId(enrollment: EnrollmentEntity, loaders: Loaders): Promise<string | null> {
    return (await this.learning.nextLessonId(enrollment, loaders)) ?? (await loaders.lessonsByModule.load(enrollment.moduleId))[0]?.id ?? null;
  }

  private sameLesson(enrollment: EnrollmentEntity, lessonId: string): string {
    return `/belajar/${enrollment.id}/${lessonId}?pesan=${enrollment.status === EnrollmentStatus.COMPLETED ? 'modul-selesai' : 'selesai'}`;
  }

  private async afterCompletion(enrollment: EnrollmentEntity, lessonId: string, notice: string): Promise<string> {
    if (enrollment.status === EnrollmentStatus.COMPLETED) return this.sameLesson(enrollment, lessonId);
    const next = await this.learning.nextLessonId(enrollment, this.lessonPages.loaders(), lessonId);
    return `/belajar/${enrollment.id}/${next ?? lessonId}?pesan=${notice}`;
  }
}

/** Errors on `answers.<i>.…` beside question i; anything else for the whole form (the quiz changed meanwhile). */
function quizErrors(errors: FormErrors, questions: QuizQuestionModel[]): FormErrors {
  const result: FormErrors = {};
  for (const field of Object.keys(errors)) {
    const question = questions[Number(/^answers\.(\d+)\./.exec(field)?.[1] ?? NaN)];
    if (question) result[question.id] = 'Pilih jawaban yang ada untuk pertanyaan ini.';
    else result._form = 'Kuis ini baru saja berubah. Muat ulang halaman lalu jawab lagi.';
  }
  return result;
}
