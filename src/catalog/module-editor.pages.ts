import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../auth/role';
import { DomainError, ErrorCode, notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { ModerationService } from '../moderation/moderation.service';
import { asText, FormErrors, formErrorsOf, readForm } from '../web/form';
import { defineNotices } from '../web/notices';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { CatalogService } from './catalog.service';
import { ModuleInput, UpdateModuleInput } from './dto/module.input';
import { StaleVersionError } from './module-access';
import { ModuleEditorData } from './module-editor-data';
import { applyEditorAction, editorActionOf, EditorValues, editorValuesFromForm, emptyEditorValues, moduleInputOf, withQuestionRows } from './module-editor.form';
import { ModuleArchiveView } from './views/module-archive.view';
import { ModuleEditorPageProps, ModuleEditorView } from './views/module-editor.view';

defineNotices({
  'modul-dibuat': { kind: 'ok', text: 'Modul tersimpan sebagai draf. Periksa temuan otomatis, lalu kirim untuk ditinjau.' },
  'modul-disimpan': { kind: 'ok', text: 'Perubahan tersimpan.' },
  'modul-dikirim': { kind: 'ok', text: 'Modul dikirim untuk ditinjau kurator. Temuan otomatis saat dikirim ada di bawah.' },
  'modul-tidak-terkirim': { kind: 'bad', text: 'Modul ini tidak bisa dikirim dalam statusnya sekarang.' },
  'modul-diarsipkan': { kind: 'ok', text: 'Modul diarsipkan.' },
});

/**
 * Indonesian wording, by the field's last name, for the input class's rules
 * that readForm leaves in the class's English message, and for the services'
 * field refusals (an unknown category, a lesson id of another module).
 */
const FIELD_WORDING: Record<string, string> = {
  priceIdr: 'Harga hanya boleh Rp0 (gratis) atau Rp1.',
  categorySlug: 'Pilih salah satu kategori.',
  language: 'Pilih salah satu bahasa.',
  skills: 'Tulis 1 sampai 15 keterampilan, masing-masing 2 sampai 40 karakter.',
  lessons: 'Tulis 1 sampai 100 pelajaran; isi semua pelajaran bersama paling banyak 200.000 karakter.',
  questions: 'Kuis perlu 1 sampai 50 soal; jenis pelajaran lain tidak boleh punya soal.',
  options: 'Tulis 2 sampai 6 pilihan berbeda, satu per baris, masing-masing paling banyak 200 karakter.',
  correct: 'Tulis nomor pilihan yang benar (mulai 1, tanpa pengulangan), sesuai pilihan di atas.',
  contentUrl: 'Tulis alamat lengkap yang diawali https:// (wajib untuk video, sesi langsung, dan unduhan).',
  id: 'Pelajaran ini bukan milik modul ini; muat ulang halaman.',
};

/**
 * Form errors keyed by the editor's field names (correctOptions is typed as
 * `correct`), in Indonesian: readForm's own wording where it has one, else
 * the field's wording above (always for a service's refusal, whose message is
 * written for API clients).
 */
function editorErrors(errors: FormErrors, fromService = false): FormErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const name = field.replace(/\.correctOptions$/, '.correct');
      const wording = FIELD_WORDING[name.split('.').at(-1)!];
      const untranslated = fromService || /^[a-zA-Z]+ (must|should)|^each /.test(message) || name === 'priceIdr' || name.endsWith('.correct');
      return [name, wording && untranslated ? wording : message];
    }),
  );
}

/**
 * The contributor's editor: createModule / updateModule with the same input
 * classes and services as the API, and on the module's page its submission
 * (submitModule), findings, history and archiving (archiveModule). Every
 * button of the editor posts the whole form; only "Simpan" writes.
 */
@WebController('kontributor/modul')
@SignedIn(Role.CONTRIBUTOR)
export class ModuleEditorPages {
  constructor(
    private readonly catalog: CatalogService,
    private readonly moderation: ModerationService,
    private readonly editor: ModuleEditorData,
  ) {}

  @Get('baru')
  async newModule(@Page() ctx: PageContext): Promise<string> {
    return this.render({ ctx, values: emptyEditorValues() });
  }

  @Post('baru')
  async create(@Page() ctx: PageContext, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = editorValuesFromForm(form);
    const action = editorActionOf(asText(form.aksi));
    if (action.kind !== 'save') {
      res.status(200).send(await this.render({ ctx, ...this.reshown(values, action) }));
      return;
    }
    const input = await readForm(ModuleInput, moduleInputOf(values));
    let errors = input.ok ? undefined : editorErrors(input.errors);
    if (input.ok) {
      try {
        const module = await this.catalog.create(ctx.viewer!, input.value);
        res.redirect(303, `/kontributor/modul/${module.id}?pesan=modul-dibuat`);
        return;
      } catch (error) {
        errors = editorErrors(formErrorsOf(error), true);
      }
    }
    res.status(422).send(await this.render({ ctx, values, errors }));
  }

  @Get(':id')
  async edit(@Page() ctx: PageContext, @Param('id') id: string): Promise<string> {
    const { saved, values } = await this.editor.load(ctx.viewer!, checkedId(id));
    return this.render({ ctx, saved, values });
  }

  @Post(':id')
  async save(@Page() ctx: PageContext, @Param('id') id: string, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    // The saved module first: someone else's is refused before anything is read from the form.
    const { saved } = await this.editor.load(ctx.viewer!, checkedId(id));
    const values = editorValuesFromForm(form);
    // A form without the version it was read at is treated as stale: never saved over whatever is there now.
    const posted = Number(asText(form.expectedVersion));
    const expectedVersion = Number.isInteger(posted) && posted > 0 ? posted : 0;
    const action = editorActionOf(asText(form.aksi));
    if (action.kind !== 'save') {
      res.status(200).send(await this.render({ ctx, saved, expectedVersion, ...this.reshown(values, action) }));
      return;
    }
    const input = await readForm(UpdateModuleInput, { ...moduleInputOf(values), id: saved.id, expectedVersion });
    let conflict = expectedVersion === 0;
    let errors = input.ok || conflict ? undefined : editorErrors(input.errors);
    if (input.ok && !conflict) {
      try {
        await this.catalog.update(ctx.viewer!, input.value);
        res.redirect(303, `/kontributor/modul/${saved.id}?pesan=modul-disimpan`);
        return;
      } catch (error) {
        conflict = error instanceof StaleVersionError;
        if (!conflict) errors = editorErrors(formErrorsOf(error, { codes: { [ErrorCode.CONFLICT]: 'Modul ini tidak bisa disunting dalam statusnya sekarang.' } }), true);
      }
    }
    res.status(conflict ? 409 : 422).send(await this.render({ ctx, saved, values, errors, expectedVersion, conflict }));
  }

  @Post(':id/kirim')
  async submit(@Page() ctx: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const moduleId = checkedId(id);
    try {
      await this.moderation.submit(ctx.viewer!, moduleId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.CONFLICT)) throw error;
      res.redirect(303, `/kontributor/modul/${moduleId}?pesan=modul-tidak-terkirim`);
      return;
    }
    res.redirect(303, `/kontributor/modul/${moduleId}?pesan=modul-dikirim`);
  }

  @Get(':id/arsipkan')
  async confirmArchive(@Page() ctx: PageContext, @Param('id') id: string): Promise<string> {
    const { saved } = await this.editor.load(ctx.viewer!, checkedId(id));
    return renderDocument(ModuleArchiveView({ ctx, saved }));
  }

  @Post(':id/arsipkan')
  async archive(@Page() ctx: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const module = await this.catalog.archive(ctx.viewer!, checkedId(id));
    res.redirect(303, `/kontributor/modul/${module.id}?pesan=modul-diarsipkan`);
  }

  /** The form again after a lesson, question or preview button: the posted values changed as asked, nothing saved. */
  private reshown(values: EditorValues, action: ReturnType<typeof editorActionOf>): Pick<ModuleEditorPageProps, 'values' | 'preview'> {
    const changed = applyEditorAction(values, action);
    return { values: changed, preview: action.kind === 'preview' ? this.editor.preview(changed) : undefined };
  }

  private async render(props: Omit<ModuleEditorPageProps, 'categories'>): Promise<string> {
    const categories = await this.editor.categories();
    return renderDocument(ModuleEditorView({ ...props, values: withQuestionRows(props.values), categories }));
  }
}

/** A module id in the URL; any other shape names nothing (404). */
function checkedId(id: string): string {
  if (!isUuid(id)) throw notFound('Module');
  return id;
}
