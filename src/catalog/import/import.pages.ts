import { Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../../auth/role';
import { defineNotices } from '../../web/notices';
import { Page, PageContext } from '../../web/page-context';
import { renderDocument } from '../../web/render';
import { Upload, UploadedFile } from '../../web/uploads';
import { SignedIn, WebController } from '../../web/web-page';
import { EXAMPLE_IMPORT_CSV } from './file/example-csv';
import { FileError, ParsedFile, readImportFile } from './file/import-file';
import { prakerjaCategoryMap } from './file/prakerja-categories';
import { ImportJobEntity } from './import-job.entity';
import { MAX_IMPORT_ITEMS, ModuleImportService } from './module-import.service';
import { ImportJobView, rowOf } from './views/import-job.view';
import { formatCount, formatMegabytes } from './views/import-labels';
import { ImportUploadView } from './views/import-upload.view';

defineNotices({
  'impor-diterima': { kind: 'ok', text: 'Berkas diterima. Baris yang lolos pemeriksaan sedang dibuat sebagai draf.' },
});

/** Created modules linked on the job page; the rest are in Modul Saya. */
const CREATED_LINKS = 50;
/** Failures listed on the job page (the page stays small); the CSV report has them all. */
const FAILURES_SHOWN = 100;

/**
 * /kontributor/impor: a contributor uploads a CSV or JSON file, read by the
 * CLI's own reader and submitted through importModules' service; the job
 * page shows its progress and the per-row report (ModuleImportService.find:
 * the owner's job only).
 */
@WebController()
export class ImportPages {
  constructor(private readonly imports: ModuleImportService) {}

  @SignedIn(Role.CONTRIBUTOR)
  @Get('kontributor/impor')
  form(@Page() ctx: PageContext, @UploadedFile() upload: Upload): string {
    return renderDocument(ImportUploadView({ ctx, maxItems: MAX_IMPORT_ITEMS, maxBytes: upload.limitBytes }));
  }

  @SignedIn(Role.CONTRIBUTOR)
  @Post('kontributor/impor')
  async upload(@Page() ctx: PageContext, @UploadedFile() upload: Upload, @Res() res: Response): Promise<void> {
    const refuse = (error: string, status = 422) =>
      void res.status(status).send(renderDocument(ImportUploadView({ ctx, maxItems: MAX_IMPORT_ITEMS, maxBytes: upload.limitBytes, error })));
    if (upload.refusal === 'too-big') return refuse(`Berkas ini lebih besar dari ${formatMegabytes(upload.limitBytes)}. Pecah menjadi beberapa berkas.`, 413);
    if (!upload.file || upload.file.bytes.length === 0) return refuse('Pilih satu berkas .csv atau .json untuk diunggah.');
    if (!/\.(csv|json)$/i.test(upload.file.name)) return refuse('Berkas harus berakhiran .csv atau .json.');
    let parsed: ParsedFile;
    try {
      parsed = readImportFile(upload.file.name, upload.file.bytes, prakerjaCategoryMap(), 'id');
    } catch (error) {
      if (error instanceof FileError) return refuse(error.message);
      throw error;
    }
    if (parsed.items.length === 0) return refuse('Berkas ini tidak berisi modul.');
    if (parsed.items.length > MAX_IMPORT_ITEMS) {
      return refuse(`Berkas ini berisi ${formatCount(parsed.items.length)} modul; satu impor paling banyak ${formatCount(MAX_IMPORT_ITEMS)}. Pecah menjadi beberapa berkas.`);
    }
    const job = await this.imports.submit(ctx.viewer!, parsed.items, parsed);
    res.redirect(303, `/kontributor/impor/${job.id}?pesan=impor-diterima`);
  }

  // Declared before the job's route, which would take "contoh.csv" for an id.
  @SignedIn(Role.CONTRIBUTOR)
  @Get('kontributor/impor/contoh.csv')
  example(@Res() res: Response): void {
    res.type('text/csv').setHeader('Content-Disposition', 'attachment; filename="contoh-impor.csv"');
    res.send(EXAMPLE_IMPORT_CSV);
  }

  @SignedIn(Role.CONTRIBUTOR, Role.ADMIN)
  @Get('kontributor/impor/:id')
  async job(@Page() ctx: PageContext, @Param('id') id: string): Promise<string> {
    const job = await this.imports.find(ctx.viewer!, id);
    const created = await this.imports.createdModules(job, CREATED_LINKS);
    return renderDocument(ImportJobView({ ctx, job: { ...job, createdCount: job.createdModuleIds.length }, created, failuresShown: FAILURES_SHOWN }));
  }

  @SignedIn(Role.CONTRIBUTOR, Role.ADMIN)
  @Get('kontributor/impor/:id/laporan.csv')
  async report(@Page() ctx: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const job = await this.imports.find(ctx.viewer!, id);
    res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="laporan-impor-${job.id.slice(0, 8)}.csv"`);
    res.send(failureReport(job));
  }
}

/** The whole per-row report as CSV (row,field,message), as the CLI's --errors writes it. */
function failureReport(job: ImportJobEntity): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return ['row,field,message', ...job.failures.map((failure) => `${rowOf(failure)},${quote(failure.field ?? '')},${quote(failure.message)}`)].join('\n') + '\n';
}
