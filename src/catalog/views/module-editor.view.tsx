import { ErrorSummary } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { proseHtml } from '../../web/render';
import { CategoryReference } from '../category-directory';
import { EditorPreview, SavedModule } from '../module-editor-data';
import { EditorValues } from '../module-editor.form';
import { MODULE_FIELD_LABELS } from './labels';
import { ModuleEditorForm } from './module-editor-form';
import { ModuleHistory, ModuleSubmission } from './module-submission';

export interface ModuleEditorPageProps {
  ctx: PageContext;
  categories: readonly CategoryReference[];
  values: EditorValues;
  errors?: FormErrors;
  /** The saved module being edited; absent on /kontributor/modul/baru. */
  saved?: SavedModule;
  /** The version the posted form was read at, kept through re-renders (the saved one otherwise). */
  expectedVersion?: number;
  preview?: EditorPreview;
  /** A stale expectedVersion: someone saved this module since the form was read. */
  conflict?: boolean;
}

const LESSON_LABELS: Record<string, string> = {
  id: 'pelajaran ini',
  title: 'judul',
  kind: 'jenis',
  durationMinutes: 'durasi',
  contentUrl: 'alamat konten',
  body: 'isi',
  passPercent: 'nilai lulus',
  questions: 'soal',
};

const QUESTION_LABELS: Record<string, string> = { prompt: 'pertanyaan', options: 'pilihan jawaban', correct: 'nomor pilihan yang benar' };

/** "Pelajaran 2, soal 1: pilihan jawaban" for lessons.1.questions.0.options, so the summary names nested fields. */
export function editorFieldLabel(field: string): string | undefined {
  if (MODULE_FIELD_LABELS[field]) return MODULE_FIELD_LABELS[field];
  const match = /^lessons\.(\d+)(?:\.(\w+))?(?:\.(\d+)\.(\w+))?$/.exec(field);
  if (!match) return undefined;
  const [, lesson, part, question, questionPart] = match;
  const lessonName = `Pelajaran ${Number(lesson) + 1}`;
  if (!part) return lessonName;
  if (question !== undefined) return `${lessonName}, soal ${Number(question) + 1}: ${QUESTION_LABELS[questionPart] ?? questionPart}`;
  return `${lessonName}: ${LESSON_LABELS[part] ?? part}`;
}

function Preview({ preview }: { preview: EditorPreview }) {
  return (
    <section class="preview" aria-labelledby="pratinjau-judul">
      <h2 id="pratinjau-judul">Pratinjau (belum disimpan)</h2>
      <p class="hint">Begini deskripsi dan isi pelajaran tampil bagi peserta, setelah dibersihkan oleh server.</p>
      <h3>Deskripsi</h3>
      <div class="prose" dangerouslySetInnerHTML={proseHtml(preview.descriptionHtml, 3)} />
      {preview.lessons.map((lesson, index) =>
        lesson.bodyHtml ? (
          <div key={index}>
            <h3>{`Pelajaran ${index + 1}: ${lesson.title}`}</h3>
            <div class="prose" dangerouslySetInnerHTML={proseHtml(lesson.bodyHtml, 3)} />
          </div>
        ) : null,
      )}
    </section>
  );
}

/** /kontributor/modul/baru and /kontributor/modul/{id}: the editor, its preview, and for a saved module its submission and history. */
export function ModuleEditorView({ ctx, categories, values, errors, saved, expectedVersion, preview, conflict }: ModuleEditorPageProps) {
  const title = saved ? `Sunting modul: ${saved.title}` : 'Tulis modul baru';
  const { _form: whole, ...fields } = errors ?? {};
  const labels = Object.fromEntries(Object.keys(fields).map((field) => [field, editorFieldLabel(field) ?? field]));
  const action = saved ? `/kontributor/modul/${saved.id}` : '/kontributor/modul/baru';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {conflict && saved && (
        <div class="notice bad" role="alert">
          <p>
            <strong>Seseorang mengubah modul ini sementara itu.</strong> Perubahan Anda belum disimpan dan masih ada di formulir di bawah. Salin bagian yang
            Anda perlukan, lalu <a href={`/kontributor/modul/${saved.id}`}>muat versi terbaru</a> dan terapkan lagi perubahan Anda.
          </p>
        </div>
      )}
      {whole && (
        <p class="notice bad" role="alert">
          {whole}
        </p>
      )}
      <ErrorSummary errors={fields} labels={labels} />
      {saved && <ModuleSubmission ctx={ctx} saved={saved} />}
      {preview && <Preview preview={preview} />}
      {!saved || saved.editable ? (
        <ModuleEditorForm ctx={ctx} action={action} values={values} categories={categories} errors={errors} expectedVersion={expectedVersion ?? saved?.version} />
      ) : (
        <p>Isi modul tidak bisa disunting dalam status ini.</p>
      )}
      {saved && <ModuleHistory saved={saved} />}
    </Layout>
  );
}
