import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import { CreateCuratorInput } from '../accounts/dto/register.input';
import { Role } from '../auth/role';
import { notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { OutboxMonitor } from '../queue/outbox-status';
import { SearchService } from '../search/search.service';
import { asText, FormErrors, formErrorsOf, readForm } from '../web/form';
import { defineNotices } from '../web/notices';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { AdminView, CuratorFormValues } from './views/admin.view';
import { ReindexJobView } from './views/reindex-job.view';

defineNotices({
  'kurator-dibuat': { kind: 'ok', text: 'Akun kurator dibuat. Kirim email dan kata sandinya kepada kurator lewat jalur yang aman.' },
  'reindeks-dimulai': { kind: 'ok', text: 'Pembangunan ulang indeks pencarian dimulai.' },
});

const CURATOR_WORDING = { fields: { email: 'Email ini sudah terdaftar untuk akun lain.' } };

type Form = Record<string, unknown>;

/** /admin: createCurator, reindexSearch and the outbox's state, through the services the API and /health use. */
@WebController('admin')
@SignedIn(Role.ADMIN)
export class AdminPages {
  constructor(
    private readonly accounts: AccountsService,
    private readonly search: SearchService,
    private readonly outbox: OutboxMonitor,
  ) {}

  @Get()
  async overview(@Page() ctx: PageContext): Promise<string> {
    return this.render(ctx, {});
  }

  @Post('kurator')
  async createCurator(@Page() ctx: PageContext, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { displayName: asText(form.displayName), email: asText(form.email), password: asText(form.password) };
    const input = await readForm(CreateCuratorInput, values);
    let errors: FormErrors = input.ok ? {} : input.errors;
    if (input.ok) {
      try {
        await this.accounts.createCurator(input.value);
        res.redirect(303, '/admin?pesan=kurator-dibuat');
        return;
      } catch (error) {
        errors = formErrorsOf(error, CURATOR_WORDING);
      }
    }
    // The password is never sent back into the page.
    res.status(422).send(await this.render(ctx, { values: { displayName: values.displayName, email: values.email }, errors }));
  }

  @Post('reindeks')
  async reindex(@Page() ctx: PageContext, @Res() res: Response): Promise<void> {
    const job = await this.search.requestReindex(ctx.viewer!);
    res.redirect(303, `/admin/reindeks/${job.id}?pesan=reindeks-dimulai`);
  }

  /** The reindex's progress; the region polls itself (data-poll) until the job is over. */
  @Get('reindeks/:id')
  async reindexJob(@Page() ctx: PageContext, @Param('id') id: string): Promise<string> {
    const job = isUuid(id) ? await this.search.reindexJob(id) : null;
    if (!job) throw notFound('ReindexJob');
    return renderDocument(ReindexJobView({ ctx, job }));
  }

  private async render(ctx: PageContext, curatorForm: { values?: CuratorFormValues; errors?: FormErrors }): Promise<string> {
    const [curators, latestReindex, outbox] = await Promise.all([this.accounts.curators(), this.search.latestReindexJob(), this.outbox.status()]);
    return renderDocument(AdminView({ ctx, curators, latestReindex, outbox, curatorForm }));
  }
}
