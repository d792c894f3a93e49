import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../auth/role';
import { servedHtml } from '../catalog/markdown/served-markdown';
import { ErrorCode, notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { LoaderRegistry } from '../graphql/loaders';
import { asText, FormErrors, formErrorsOf, readForm } from '../web/form';
import { defineNotices } from '../web/notices';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { ResolveReportInput } from './dto/report.input';
import { ReportEntity, ReportStatus } from './report.entity';
import { ReportsService } from './reports.service';
import { CuratorReportsView, ReportDecision, ReportItem, ResolveAttempt } from './views/curator-reports.view';

const PAGE_SIZE = 20;

defineNotices({
  'laporan-diabaikan': { kind: 'ok', text: 'Laporan diabaikan. Pelapor diberi tahu beserta catatan Anda.' },
  'laporan-modul-diturunkan': { kind: 'ok', text: 'Modul diturunkan dan laporan diselesaikan. Pelapor dan kontributor diberi tahu.' },
});

/** What each button of a report's form asks resolveReport to do. */
const DECISIONS: Record<ReportDecision, { status: ReportStatus; unpublish: boolean; notice: string }> = {
  abaikan: { status: ReportStatus.DISMISSED, unpublish: false, notice: 'laporan-diabaikan' },
  turunkan: { status: ReportStatus.RESOLVED, unpublish: true, notice: 'laporan-modul-diturunkan' },
};

/** resolveReport's CONFLICTs: the report is no longer OPEN, or its module cannot be taken down from its status. */
const NOT_UNPUBLISHABLE = 'Modul ini sedang tidak terbit, jadi tidak bisa diturunkan. Abaikan laporannya, atau tinjau modulnya.';
const ALREADY_HANDLED = 'Laporan itu sudah ditangani (oleh Anda atau kurator lain), jadi tidak ada lagi di daftar laporan terbuka.';
const RESOLVE_WORDING = { codes: { [ErrorCode.CONFLICT]: NOT_UNPUBLISHABLE } };

type Form = Record<string, unknown>;

const statusOf = (value: unknown): ReportStatus => (Object.values(ReportStatus) as unknown[]).includes(value) ? (value as ReportStatus) : ReportStatus.OPEN;

/** /kurator/laporan: the reports query and resolveReport, through the same ReportsService, for curators and the admin. */
@WebController('kurator/laporan')
@SignedIn(Role.CURATOR, Role.ADMIN)
export class CuratorReportsPages {
  constructor(
    private readonly reports: ReportsService,
    private readonly loaderRegistry: LoaderRegistry,
  ) {}

  @Get()
  async list(@Page() ctx: PageContext, @Query('status') status?: string, @Query('setelah') after?: string): Promise<string> {
    return this.render(ctx, statusOf(status), asText(after) || null);
  }

  /** Dismiss, or resolve by unpublishing the module; a note is required either way (ResolveReportInput). */
  @Post(':id')
  async resolve(@Page() ctx: PageContext, @Param('id') id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    if (!isUuid(id)) throw notFound('Report');
    const decision = asText(form.keputusan) as ReportDecision;
    const chosen = Object.hasOwn(DECISIONS, decision) ? DECISIONS[decision] : undefined;
    const after = asText(form.setelah) || null;
    const values = { note: asText(form.note), decision: chosen ? decision : undefined };
    const input = await readForm(ResolveReportInput, { reportId: id, status: chosen?.status ?? '', note: values.note, unpublish: chosen?.unpublish ?? false });
    let errors: FormErrors = input.ok ? {} : input.errors;
    let status = 422;
    if (input.ok) {
      try {
        await this.reports.resolve(ctx.viewer!, input.value);
        res.redirect(303, `/kurator/laporan?pesan=${chosen!.notice}`);
        return;
      } catch (error) {
        errors = formErrorsOf(error, RESOLVE_WORDING);
        if (errors._form) status = 409;
      }
    }
    res.status(status).send(await this.render(ctx, ReportStatus.OPEN, after, { reportId: id, values, errors }));
  }

  private async render(ctx: PageContext, status: ReportStatus, after: string | null, attempt?: ResolveAttempt): Promise<string> {
    const page = await this.reports.list(status, PAGE_SIZE, after);
    const items = await this.itemsOf(page.nodes);
    // A refused report that is not OPEN any more was resolved meanwhile: that is the conflict to explain.
    const refusedId = attempt?.errors._form ? attempt.reportId : undefined;
    if (attempt && refusedId && !items.some((item) => item.id === refusedId)) attempt = { ...attempt, errors: { _form: ALREADY_HANDLED } };
    const nextPage = page.pageInfo.hasNextPage && page.pageInfo.endCursor ? new URLSearchParams({ status, setelah: page.pageInfo.endCursor }).toString() : null;
    return renderDocument(CuratorReportsView({ ctx, status, items, totalCount: page.totalCount, after, nextPage, attempt }));
  }

  /** Each report with its module and reporter, loaded as Report.module and Report.reporter resolve them. */
  private async itemsOf(reports: ReportEntity[]): Promise<ReportItem[]> {
    const loaders = this.loaderRegistry.forRequest();
    return Promise.all(
      reports.map(async (report) => {
        const [module, reporter] = await Promise.all([loaders.modules.load(report.moduleId), loaders.users.load(report.reporterId)]);
        return {
          id: report.id,
          reason: report.reason,
          status: report.status,
          // The reporter's Markdown as the catalogue's sanitised HTML (the API serves it sanitised too).
          detailsHtml: servedHtml(report.details),
          createdAt: report.createdAt,
          resolutionNote: report.resolutionNote,
          resolvedAt: report.resolvedAt,
          module: { id: module!.id, title: module!.title, slug: module!.slug, status: module!.status },
          reporterName: reporter!.displayName,
        };
      }),
    );
  }
}
