/**
 * The file reader's messages: English for the operator CLI (as its other
 * output), Indonesian for the contributors' upload page.
 */
export type ImportLanguage = 'en' | 'id';

export interface ImportFileWording {
  notUtf8(name: string): string;
  invalidJson(detail: string): string;
  notAnArray: string;
  /** `line` is csv-parse's line of the problem, when it gives one. */
  malformedCsv(detail: string, code: string | undefined, line: number | undefined): string;
  noRows: string;
  unknownColumns(unknown: string[], expected: readonly string[]): string;
  missingColumns(missing: string[]): string;
  notAnObject: string;
  lessonsNotJson: string;
  sameTitleAs(row: number): string;
}

const QUOTE_PROBLEM = /QUOTE/;

export const IMPORT_FILE_WORDING: Record<ImportLanguage, ImportFileWording> = {
  en: {
    notUtf8: (name) => `${name} is not UTF-8 text; save it as UTF-8 and try again`,
    invalidJson: (detail) => `not valid JSON: ${detail}`,
    notAnArray: 'a JSON import file holds an array of modules',
    malformedCsv: (detail) => `malformed CSV: ${detail}`,
    noRows: 'the CSV file holds no rows after its header',
    unknownColumns: (unknown, expected) => `unknown column(s) ${unknown.join(', ')}; expected ${expected.join(',')} (see docs/import.md)`,
    missingColumns: (missing) => `missing column(s) ${missing.join(', ')} (see docs/import.md)`,
    notAnObject: 'an item must be an object',
    lessonsNotJson: 'lessons must be a JSON array of lessons',
    sameTitleAs: (row) => `same title as row ${row}`,
  },
  id: {
    notUtf8: (name) => `Berkas ${name} bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8 (di Excel: "CSV UTF-8"), lalu unggah lagi.`,
    invalidJson: () => 'Berkas JSON ini tidak sah (periksa tanda kurung, koma dan tanda kutipnya).',
    notAnArray: 'Berkas JSON harus berisi daftar (array) modul: [ {...}, {...} ].',
    malformedCsv: (_detail, code, line) =>
      `CSV tidak sah${line ? ` di baris ${line}` : ''}: ${
        code && QUOTE_PROBLEM.test(code) ? 'ada tanda kutip yang tidak ditutup atau salah tempat.' : 'jumlah selnya tidak sama dengan jumlah kolom di baris judul.'
      }`,
    noRows: 'Berkas CSV ini tidak berisi baris apa pun setelah baris judul kolom.',
    unknownColumns: (unknown, expected) => `Kolom tidak dikenal: ${unknown.join(', ')}. Kolom yang diterima: ${expected.join(', ')}.`,
    missingColumns: (missing) => `Kolom wajib tidak ada: ${missing.join(', ')}.`,
    notAnObject: 'Setiap isi daftar harus berupa objek modul.',
    lessonsNotJson: 'Kolom lessons harus berisi daftar pelajaran dalam format JSON.',
    sameTitleAs: (row) => `Judulnya sama dengan baris ${row}.`,
  },
};
