import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CatalogService } from '../catalog/catalog.service';
import { ModuleEntity } from '../catalog/module.entity';
import { isSlug } from '../catalog/slug';
import { notFound, ErrorCode } from '../common/domain-error';
import { asText, formErrorsOf, readForm } from '../web/form';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { ReportModuleInput } from './dto/report.input';
import { ReportsService } from './reports.service';
import { ReportView } from './views/report.view';

const REPORT_WORDING = { codes: { [ErrorCode.CONFLICT]: 'Anda sudah melaporkan modul ini dan laporannya masih ditinjau kurator.' } };

/** /modul/{slug}/laporkan: reportModule for signed-in viewers, with the same input class and service. */
@WebController()
export class ReportsPages {
  constructor(
    private readonly catalog: CatalogService,
    private readonly reports: ReportsService,
  ) {}

  @SignedIn()
  @Get('modul/:slug/laporkan')
  async form(@Page() ctx: PageContext, @Param('slug') slug: string): Promise<string> {
    return renderDocument(ReportView({ ctx, module: await this.module(ctx, slug) }));
  }

  @SignedIn()
  @Post('modul/:slug/laporkan')
  async report(@Page() ctx: PageContext, @Param('slug') slug: string, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const module = await this.module(ctx, slug);
    const values = { reason: asText(form.reason), details: asText(form.details) };
    const input = await readForm(ReportModuleInput, { moduleId: module.id, reason: values.reason, details: values.details || null });
    let errors = input.ok ? undefined : input.errors;
    if (input.ok) {
      try {
        await this.reports.report(ctx.viewer!, input.value);
        res.redirect(303, `/modul/${encodeURIComponent(module.slug)}?pesan=dilaporkan`);
        return;
      } catch (error) {
        errors = formErrorsOf(error, REPORT_WORDING);
      }
    }
    res.status(422).send(renderDocument(ReportView({ ctx, module, values, errors })));
  }

  /** The module as the viewer may see it (catalog.find's rule); a malformed slug names none. */
  private async module(ctx: PageContext, slug: string): Promise<ModuleEntity> {
    if (!isSlug(slug)) throw notFound('Module');
    return this.catalog.find(ctx.viewer, null, slug);
  }
}
