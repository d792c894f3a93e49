import { MODULE_COLUMNS } from './import-file';

const EXAMPLE_ROWS: Record<(typeof MODULE_COLUMNS)[number], string>[] = [
  {
    title: 'Rumus Excel untuk Admin Kantor',
    summary: 'Rumus Excel yang paling sering dipakai admin kantor, dengan contoh data penjualan.',
    description: 'Modul ini mengajarkan rumus Excel sehari-hari.\n\n## Yang dipelajari\n\n- SUM dan AVERAGE\n- VLOOKUP\n- Tabel pivot sederhana',
    category: 'perkantoran',
    skills: 'Excel;Rumus',
    level: 'BEGINNER',
    language: 'id',
    deliveryMode: 'SELF_PACED',
    priceIdr: '0',
    certificate: 'true',
    lessons: JSON.stringify([
      { title: 'Mengenal lembar kerja', kind: 'ARTICLE', durationMinutes: 20, body: 'Baris, kolom dan sel.' },
      { title: 'Rumus SUM dan AVERAGE', kind: 'VIDEO', durationMinutes: 15, contentUrl: 'https://video.contoh.id/excel-sum.mp4' },
    ]),
  },
  {
    title: 'Bahasa Inggris untuk Pramusaji',
    summary: 'Percakapan bahasa Inggris dasar untuk melayani tamu asing di restoran dan kafe.',
    description: 'Kalimat yang dipakai pramusaji dari menyambut tamu sampai menerima pembayaran, dengan latihan lisan.',
    category: 'Bahasa Asing',
    skills: 'Bahasa Inggris;Pelayanan',
    level: 'BEGINNER',
    language: 'id',
    deliveryMode: 'WEBINAR',
    priceIdr: '1',
    certificate: 'false',
    lessons: JSON.stringify([{ title: 'Menyambut tamu', kind: 'LIVE_SESSION', durationMinutes: 60, contentUrl: 'https://meet.contoh.id/pramusaji' }]),
  },
];

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The example CSV offered for download on the upload page: every module column, a slug and a category name. */
export const EXAMPLE_IMPORT_CSV = [MODULE_COLUMNS.join(','), ...EXAMPLE_ROWS.map((row) => MODULE_COLUMNS.map((column) => cell(row[column])).join(','))].join('\n') + '\n';
