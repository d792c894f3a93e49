import { CsrfField, ErrorSummary, Field } from '../../../web/components';
import { Layout } from '../../../web/layout';
import { PageContext } from '../../../web/page-context';
import { UPLOAD_FIELD } from '../../../web/uploads';
import { formatCount, formatMegabytes } from './import-labels';
import { LISTING_COLUMNS } from '../file/prakerja-listing';

interface ImportUploadViewProps {
  ctx: PageContext;
  maxItems: number;
  maxBytes: number;
  /** Why the file was refused, as a whole. */
  error?: string;
}

const MODULE_COLUMN_HELP: [string, string][] = [
  ['title', 'Judul, 8–120 karakter.'],
  ['summary', 'Ringkasan, 20–300 karakter.'],
  ['description', 'Deskripsi dalam Markdown, 50–20.000 karakter.'],
  ['category', 'Slug kategori (misalnya teknologi-informasi) atau nama kategori Prakerja.'],
  ['skills', '1–15 keterampilan dipisah titik koma: Excel;Rumus.'],
  ['level', 'BEGINNER, INTERMEDIATE atau ADVANCED.'],
  ['language', 'Boleh kosong (berarti id); kode bahasa seperti id, en, jv.'],
  ['deliveryMode', 'SELF_PACED, WEBINAR, OFFLINE atau BLENDED.'],
  ['priceIdr', '0 (gratis) atau 1 (Rp1).'],
  ['certificate', 'Boleh kosong; true, yes atau 1 berarti bersertifikat.'],
  ['lessons', 'Daftar pelajaran dalam JSON, misalnya [{"title":"Pengantar","kind":"ARTICLE","durationMinutes":20,"body":"..."}].'],
];

/** /kontributor/impor: what a file may hold, and the upload form (again with the reason when a file is refused). */
export function ImportUploadView({ ctx, maxItems, maxBytes, error }: ImportUploadViewProps) {
  const errors = error ? { [UPLOAD_FIELD]: error } : undefined;
  return (
    <Layout ctx={ctx} title="Impor modul">
      <h1>Impor modul dari berkas</h1>
      <ErrorSummary errors={errors} labels={{ [UPLOAD_FIELD]: 'Berkas' }} />
      <p>
        Unggah berkas CSV atau JSON berisi banyak modul sekaligus. Setiap baris diperiksa dengan aturan yang sama seperti saat menulis modul di
        editor. Baris yang lolos dibuat sebagai <strong>draf</strong> milik Anda; baris yang bermasalah tidak dibuat dan dilaporkan per baris
        (nomor baris, kolom, masalahnya). Berkas yang tidak bisa dibaca sama sekali ditolak seluruhnya, tanpa ada yang disimpan.
      </p>
      <form method="post" action="/kontributor/impor" encType="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <Field
          name={UPLOAD_FIELD}
          label="Berkas CSV atau JSON"
          hint={`Teks UTF-8, paling besar ${formatMegabytes(maxBytes)}, paling banyak ${formatCount(maxItems)} modul.`}
          errors={errors}
        >
          {(describedBy, invalid) => (
            <input id={UPLOAD_FIELD} name={UPLOAD_FIELD} type="file" accept=".csv,.json" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} />
          )}
        </Field>
        <button type="submit">Unggah dan impor</button>
      </form>

      <h2>CSV modul</h2>
      <p>
        Baris pertama berisi nama kolom berikut (language dan certificate boleh tidak ada). Satu baris adalah satu modul; nomor baris di laporan
        adalah nomor baris berkas Anda, dengan baris judul kolom sebagai baris 1.{' '}
        <a href="/kontributor/impor/contoh.csv" download="contoh-impor.csv">
          Unduh contoh CSV
        </a>
        .
      </p>
      <dl class="import-columns">
        {MODULE_COLUMN_HELP.map(([column, help]) => (
          <div key={column}>
            <dt>
              <code>{column}</code>
            </dt>
            <dd>{help}</dd>
          </div>
        ))}
      </dl>

      <h2>Daftar pelatihan Prakerja</h2>
      <p>
        CSV dengan kolom <code>{LISTING_COLUMNS.join(',')}</code> (ekspor daftar pelatihan Prakerja) juga diterima. Kategorinya dipetakan otomatis
        ke kategori di sini (misalnya "Teknologi Informasi" ke teknologi-informasi, "Lainnya" ke pengembangan-diri). Daftar itu tidak memuat isi
        pelatihan, jadi ringkasan, deskripsi dan satu pelajaran "Pengantar" dibuat dari judul, penyelenggara, jenis dan harga yang tercatat;
        harganya menjadi Rp0. Lengkapi isinya sebelum mengirim modul untuk ditinjau.
      </p>

      <h2>JSON</h2>
      <p>
        Berkas <code>.json</code> berisi satu daftar (array) objek modul dengan nama isian yang sama seperti API: <code>categorySlug</code>,{' '}
        <code>skills</code> sebagai daftar, <code>lessons</code> sebagai daftar objek pelajaran.
      </p>
    </Layout>
  );
}
