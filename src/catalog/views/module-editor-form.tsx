import { CsrfField, Field, TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { PageContext } from '../../web/page-context';
import { CategoryReference } from '../category-directory';
import { EditorLesson, EditorQuestion, EditorValues } from '../module-editor.form';
import { DeliveryMode, LessonKind, Level } from '../module-status';
import { DELIVERY_MODE_LABELS, LANGUAGE_CODES, languageLabel, LESSON_KIND_LABELS, LEVEL_LABELS } from './labels';

interface EditorFormProps {
  ctx: PageContext;
  action: string;
  values: EditorValues;
  categories: readonly CategoryReference[];
  errors?: FormErrors;
  /** The version the form was read at (edits only): updateModule's expectedVersion. */
  expectedVersion?: number;
}

const invalidOf = (invalid: boolean) => (invalid ? 'true' : undefined);

/** The error of a field with no control of its own (a lesson, the list of lessons, a quiz's questions), shown where the summary links. */
function GroupError({ name, errors }: { name: string; errors?: FormErrors }) {
  const error = errors?.[name];
  return error ? (
    <p class="error" id={`${name}-galat`}>
      {error}
    </p>
  ) : null;
}

function TextArea({ name, label, value, hint, errors, rows = 4 }: { name: string; label: string; value: string; hint?: string; errors?: FormErrors; rows?: number }) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea id={name} name={name} rows={rows} aria-describedby={describedBy} aria-invalid={invalidOf(invalid)}>
          {value}
        </textarea>
      )}
    </Field>
  );
}

function Select({ name, label, value, options, errors, hint }: { name: string; label: string; value: string; options: [string, string][]; errors?: FormErrors; hint?: string }) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select id={name} name={name} aria-describedby={describedBy} aria-invalid={invalidOf(invalid)}>
          {!options.some(([code]) => code === value) && <option value={value}>{value === '' ? 'Pilih' : value}</option>}
          {options.map(([code, text]) => (
            <option key={code} value={code} selected={code === value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Rp0 or Rp1, with the product rule in words; a posted other value checks neither and is refused beside it. */
function PriceChoice({ value, errors }: { value: string; errors?: FormErrors }) {
  const error = errors?.priceIdr;
  return (
    <fieldset class={error ? 'invalid' : undefined} aria-describedby={`priceIdr-petunjuk${error ? ' priceIdr-galat' : ''}`}>
      <legend>Harga</legend>
      <p class="hint" id="priceIdr-petunjuk">
        Modul di sini hanya Rp0 atau Rp1. Rp1 dibayar dari saldo pelatihan Kartu Prakerja peserta saat mendaftar; bila saldonya sudah habis, biayanya
        dibebaskan dan peserta tetap bisa belajar. Jadi modul Rp1 tetap terbuka bagi yang kreditnya sudah terpakai.
      </p>
      <label class="check">
        <input type="radio" id="priceIdr" name="priceIdr" value="0" checked={value === '0'} aria-invalid={invalidOf(Boolean(error))} />
        Rp0 (gratis)
      </label>
      <label class="check">
        <input type="radio" id="priceIdr-1" name="priceIdr" value="1" checked={value === '1'} aria-invalid={invalidOf(Boolean(error))} />
        Rp1
      </label>
      <GroupError name="priceIdr" errors={errors} />
    </fieldset>
  );
}

function QuestionFields({ at, index, question, errors }: { at: string; index: number; question: EditorQuestion; errors?: FormErrors }) {
  const name = `${at}.questions.${index}`;
  return (
    <fieldset id={name}>
      <legend>{`Soal ${index + 1}`}</legend>
      <TextField name={`${name}.prompt`} label="Pertanyaan" value={question.prompt} errors={errors} hint="5–500 karakter." />
      <TextArea name={`${name}.options`} label="Pilihan jawaban" value={question.options} errors={errors} hint="Satu pilihan per baris, 2–6 pilihan berbeda." rows={4} />
      <TextField name={`${name}.correct`} label="Nomor pilihan yang benar" value={question.correct} errors={errors} hint="Nomor baris pilihan di atas, mulai 1; pisahkan dengan koma bila lebih dari satu." />
      <button type="submit" name="aksi" value={`hapus-soal-${at.split('.')[1]}-${index}`} class="secondary">
        {`Hapus soal ${index + 1}`}
      </button>
    </fieldset>
  );
}

function LessonFields({ index, count, lesson, errors }: { index: number; count: number; lesson: EditorLesson; errors?: FormErrors }) {
  const at = `lessons.${index}`;
  const number = index + 1;
  const quiz = lesson.kind === LessonKind.QUIZ;
  return (
    <fieldset id={at} class="lesson-edit">
      <legend>{`Pelajaran ${number}`}</legend>
      <GroupError name={at} errors={errors} />
      <input type="hidden" name={`${at}.id`} value={lesson.id} />
      <TextField name={`${at}.title`} label="Judul pelajaran" value={lesson.title} errors={errors} hint="3–120 karakter." />
      <Select
        name={`${at}.kind`}
        label="Jenis"
        value={lesson.kind}
        options={Object.values(LessonKind).map((kind) => [kind, LESSON_KIND_LABELS[kind]])}
        errors={errors}
        hint="Video, sesi langsung, dan unduhan perlu alamat konten. Untuk kuis, pilih Kuis lalu tekan “Tambah soal”."
      />
      <TextField name={`${at}.durationMinutes`} label="Durasi (menit)" value={lesson.durationMinutes} errors={errors} inputMode="numeric" hint="1–600." />
      <TextField name={`${at}.contentUrl`} label="Alamat konten (boleh kosong untuk bacaan dan kuis)" type="url" value={lesson.contentUrl} errors={errors} />
      <TextArea name={`${at}.body`} label="Isi (Markdown)" value={lesson.body} errors={errors} rows={6} />
      {quiz && (
        <>
          <TextField name={`${at}.passPercent`} label="Nilai lulus (%)" value={lesson.passPercent} errors={errors} inputMode="numeric" hint="1–100; kosong berarti 70." />
          <div id={`${at}.questions`}>
            <GroupError name={`${at}.questions`} errors={errors} />
            {lesson.questions.map((question, q) => (
              <QuestionFields key={q} at={at} index={q} question={question} errors={errors} />
            ))}
          </div>
        </>
      )}
      <div class="actions">
        <button type="submit" name="aksi" value={`tambah-soal-${index}`} class="secondary">
          {`Tambah soal di pelajaran ${number}`}
        </button>
        {index > 0 && (
          <button type="submit" name="aksi" value={`naik-${index}`} class="secondary">
            {`Naikkan pelajaran ${number}`}
          </button>
        )}
        {index < count - 1 && (
          <button type="submit" name="aksi" value={`turun-${index}`} class="secondary">
            {`Turunkan pelajaran ${number}`}
          </button>
        )}
        <button type="submit" name="aksi" value={`hapus-pelajaran-${index}`} class="secondary">
          {`Hapus pelajaran ${number}`}
        </button>
      </div>
    </fieldset>
  );
}

function SaveButtons() {
  return (
    <div class="actions">
      <button type="submit" name="aksi" value="simpan">
        Simpan
      </button>
      <button type="submit" name="aksi" value="pratinjau" class="secondary">
        Pratinjau
      </button>
    </div>
  );
}

/**
 * Every field of ModuleInput. Every button submits this one form with its
 * `aksi`: only "Simpan" writes; the lesson and question buttons and
 * "Pratinjau" show the form again from the posted values (no JavaScript needed).
 * "Simpan" comes first, so Enter in a text field saves.
 */
export function ModuleEditorForm({ ctx, action, values, categories, errors, expectedVersion }: EditorFormProps) {
  const languages: [string, string][] = LANGUAGE_CODES.map((code) => [code, `${languageLabel(code)} (${code})`]);
  return (
    <form method="post" action={action} novalidate class="editor">
      <CsrfField ctx={ctx} />
      {expectedVersion !== undefined && <input type="hidden" name="expectedVersion" value={String(expectedVersion)} />}
      <SaveButtons />
      <h2>Tentang modul</h2>
      <TextField name="title" label="Judul" value={values.title} errors={errors} hint="8–120 karakter, teks biasa." />
      <TextArea name="summary" label="Ringkasan" value={values.summary} errors={errors} hint="20–300 karakter, tampil di hasil pencarian." rows={3} />
      <TextArea
        name="description"
        label="Deskripsi (Markdown)"
        value={values.description}
        errors={errors}
        hint="50–20.000 karakter. Markdown: ## judul bagian, - daftar, **tebal**, [tautan](https://…). Tekan Pratinjau untuk melihat hasilnya."
        rows={8}
      />
      <Select name="categorySlug" label="Kategori" value={values.categorySlug} options={categories.map((category) => [category.slug, category.name])} errors={errors} />
      <TextArea name="skills" label="Keterampilan" value={values.skills} errors={errors} hint="Satu keterampilan per baris (koma juga memisahkan), 1–15 keterampilan, masing-masing 2–40 karakter." rows={3} />
      <Select name="level" label="Tingkat" value={values.level} options={Object.values(Level).map((level) => [level, LEVEL_LABELS[level]])} errors={errors} />
      <Select name="language" label="Bahasa" value={values.language} options={languages} errors={errors} />
      <Select name="deliveryMode" label="Cara belajar" value={values.deliveryMode} options={Object.values(DeliveryMode).map((mode) => [mode, DELIVERY_MODE_LABELS[mode]])} errors={errors} />
      <PriceChoice value={values.priceIdr} errors={errors} />
      <div class="field">
        <label class="check">
          <input type="checkbox" id="certificate" name="certificate" value="true" checked={values.certificate} />
          Peserta yang menyelesaikan modul mendapat sertifikat
        </label>
      </div>
      <section id="lessons" aria-labelledby="pelajaran-judul">
        <h2 id="pelajaran-judul">{`Pelajaran (${values.lessons.length})`}</h2>
        <p class="hint">1–100 pelajaran. Urutan di sini adalah urutan belajar peserta; kemajuan peserta tetap tersimpan saat pelajaran diubah atau dipindah.</p>
        <GroupError name="lessons" errors={errors} />
        {values.lessons.map((lesson, index) => (
          <LessonFields key={index} index={index} count={values.lessons.length} lesson={lesson} errors={errors} />
        ))}
        <button type="submit" name="aksi" value="tambah-pelajaran" class="secondary">
          Tambah pelajaran
        </button>
      </section>
      <SaveButtons />
    </form>
  );
}
