import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../auth/role';
import { ModuleStatus } from '../catalog/module-status';
import { DomainError, ErrorCode, notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { asText, formErrorsOf, readForm } from '../web/form';
import { defineNotices } from '../web/notices';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { ReviewDecision, ReviewModuleInput } from './dto/review-module.input';
import { ModerationPageData } from './moderation-page-data';
import { ModerationService } from './moderation.service';
import { ModerationQueueView } from './views/moderation-queue.view';
import { ModuleReviewView, ReviewAttempt } from './views/module-review.view';

const NOTICE_OF_DECISION: Record<ReviewDecision, string> = {
  [ReviewDecision.APPROVE]: 'moderasi-disetujui',
  [ReviewDecision.REQUEST_CHANGES]: 'moderasi-perbaikan',
  [ReviewDecision.REJECT]: 'moderasi-ditolak',
};

defineNotices({
  'moderasi-disetujui': { kind: 'ok', text: 'Modul disetujui dan sudah terbit.' },
  'moderasi-perbaikan': { kind: 'ok', text: 'Permintaan perbaikan terkirim ke kontributor.' },
  'moderasi-ditolak': { kind: 'ok', text: 'Kiriman ditolak; kontributor menerima catatan Anda.' },
  'moderasi-diturunkan': { kind: 'ok', text: 'Modul sudah diturunkan dan tidak tampil lagi untuk peserta.' },
});

/** Another curator decided first, or the contributor changed the submission, since this page was read. */
const CHANGED_MEANWHILE =
  'Kiriman ini sudah diubah sejak Anda membukanya: kurator lain mungkin sudah memutuskan, atau kontributor mengubahnya. Keputusan Anda tidak disimpan. Muat ulang halaman untuk melihat versi terbaru.';

const DECISION_WORDING = { codes: { [ErrorCode.CONFLICT]: CHANGED_MEANWHILE } };
const UNPUBLISH_WORDING = {
  fields: { note: 'Tulis alasannya: wajib, paling banyak 2000 karakter, teks biasa tanpa HTML.' },
  codes: { [ErrorCode.CONFLICT]: 'Modul ini sudah tidak terbit, jadi tidak bisa diturunkan. Muat ulang halaman untuk melihat statusnya.' },
};

/** The curators' moderation queue and review page: moderationQueue, reviewModule and unpublishModule as pages. */
@WebController('kurator')
@SignedIn(Role.CURATOR, Role.ADMIN)
export class ModerationPages {
  constructor(
    private readonly data: ModerationPageData,
    private readonly moderation: ModerationService,
  ) {}

  @Get()
  async queue(@Page() ctx: PageContext, @Query('status') status?: unknown, @Query('setelah') after?: unknown): Promise<string> {
    // An unknown status shows the default queue rather than an error: it only ever comes from an edited URL.
    const chosen = Object.values(ModuleStatus).find((value) => value === status) ?? ModuleStatus.IN_REVIEW;
    const page = await this.data.queue(ctx.viewer!, chosen, asText(after) || null);
    return renderDocument(ModerationQueueView({ ctx, page, status: chosen, now: new Date() }));
  }

  @Get('modul/:id')
  async review(@Page() ctx: PageContext, @Param('id') id: string): Promise<string> {
    return renderDocument(ModuleReviewView({ ctx, page: await this.data.review(ctx.viewer!, id) }));
  }

  @Post('modul/:id/keputusan')
  async decide(@Page() ctx: PageContext, @Param('id') id: string, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    if (!isUuid(id)) throw notFound('Module');
    const values = { decision: asText(form.decision), note: asText(form.note) };
    const version = asText(form.expectedVersion);
    const input = await readForm(ReviewModuleInput, {
      moduleId: id,
      expectedVersion: /^\d+$/.test(version) ? Number(version) : undefined,
      decision: values.decision || undefined,
      // An empty note is no note: APPROVE needs none, and the others are refused for lacking one.
      note: values.note.trim() === '' ? null : values.note,
    });
    if (!input.ok) {
      // The hidden version is only wrong in a page tampered with or older than this form.
      const { expectedVersion, ...errors } = input.errors;
      // The rule refused an empty note: say it is missing rather than too short.
      if (errors.note && values.note.trim() === '') errors.note = 'Wajib diisi untuk keputusan ini: 10 sampai 2000 karakter.';
      return this.refuse(ctx, res, id, { form: 'decision', values, errors: expectedVersion ? { ...errors, _form: CHANGED_MEANWHILE } : errors });
    }
    try {
      await this.moderation.review(ctx.viewer!, input.value);
      res.redirect(303, `/kurator?pesan=${NOTICE_OF_DECISION[input.value.decision]}`);
    } catch (error) {
      await this.refuse(ctx, res, id, { form: 'decision', values, errors: formErrorsOf(error, DECISION_WORDING) }, isConflict(error));
    }
  }

  @Post('modul/:id/turunkan')
  async unpublish(@Page() ctx: PageContext, @Param('id') id: string, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    if (!isUuid(id)) throw notFound('Module');
    const note = asText(form.note);
    try {
      await this.moderation.unpublish(ctx.viewer!, id, note);
      res.redirect(303, `/kurator/modul/${id}?pesan=moderasi-diturunkan`);
    } catch (error) {
      const { note: noteError, ...errors } = formErrorsOf(error, UNPUBLISH_WORDING);
      await this.refuse(ctx, res, id, { form: 'unpublish', note, errors: noteError ? { ...errors, unpublishNote: noteError } : errors }, isConflict(error));
    }
  }

  /** The review page again, as it is now, with the refused form beside its fields: 409 when the module changed meanwhile, else 422. */
  private async refuse(ctx: PageContext, res: Response, id: string, attempt: ReviewAttempt, conflict = false): Promise<void> {
    const page = await this.data.review(ctx.viewer!, id);
    res.status(conflict ? 409 : 422).send(renderDocument(ModuleReviewView({ ctx, page, attempt })));
  }
}

const isConflict = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.CONFLICT;
