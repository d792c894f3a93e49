import { FileError, readImportFile } from './import-file';
import { PRAKERJA_CATEGORY_SLUGS } from './prakerja-categories';

const map = new Map(Object.entries(PRAKERJA_CATEGORY_SLUGS));
const read = (name: string, text: string | Buffer) => readImportFile(name, Buffer.isBuffer(text) ? text : Buffer.from(text), map);

describe('readImportFile', () => {
  it("reads Prakerja's listing columns, mapping the category and making up the rest", () => {
    const longTitle = `Membuat ${'desain grafis '.repeat(12)}untuk pemula`;
    const parsed = read('l.csv', `\uFEFFprovider,title,category,type,price\nLKP Maju,"${longTitle}", Teknologi  informasi ,Online - Webinar,Rp 20.000\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([2]);
    const [item] = parsed.items;
    expect(item).toMatchObject({ categorySlug: 'teknologi-informasi', deliveryMode: 'WEBINAR', priceIdr: 0, level: 'BEGINNER', language: 'id', skills: ['Teknologi informasi'] });
    expect((item.title as string).length).toBeLessThanOrEqual(120);
    expect(item.title).toMatch(/…$/);
    expect(item.description).toContain(longTitle.trim().replace(/\s+/g, ' '));
    expect(item.description).toContain('Rp 20.000');
    expect(item.lessons).toEqual([expect.objectContaining({ kind: 'ARTICLE', durationMinutes: 30 })]);
  });

  it('converts module columns, numbering rows by CSV line and flagging duplicate titles', () => {
    const header = 'title,summary,description,category,skills,level,deliveryMode,priceIdr,lessons';
    const parsed = read('m.csv', `${header}\nJudul Satu,s,d,Bahasa Asing,a; b ,beginner,self_paced,1,[]\n\n"judul  satu",s,d,x,a,ADVANCED,WEBINAR,abc,not json\n`);
    expect(parsed.rows).toEqual([2, 3]);
    expect(parsed.items[0]).toMatchObject({ categorySlug: 'bahasa-asing', skills: ['a', 'b'], level: 'BEGINNER', deliveryMode: 'SELF_PACED', priceIdr: 1, language: 'id', lessons: [] });
    expect(parsed.items[1]).toMatchObject({ categorySlug: 'x', priceIdr: 'abc' });
    expect(parsed.errors).toEqual([
      { row: 3, field: 'lessons', message: 'lessons must be a JSON array of lessons' },
      { row: 3, field: 'title', message: 'same title as row 2' },
    ]);
  });

  it.each([
    ['bad.csv', Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xff, 0xfe, 0x0a]), /is not UTF-8/],
    ['quote.csv', 'provider,title,category,type,price\n"LKP,x,y,z,w\n', /^malformed CSV/],
    ['cells.csv', 'provider,title,category,type,price\na,b,c\n', /^malformed CSV/],
    ['cols.csv', 'title,price\na,0\n', /^unknown column\(s\) price/],
    ['missing.csv', 'title,summary\na,b\n', /^missing column\(s\) description, category/],
    ['empty.csv', 'provider,title,category,type,price\n', /no rows after its header/],
    ['obj.json', '{"title":"x"}', /holds an array/],
  ])('refuses %s whole', (name, content, message) => {
    expect(() => read(name, content)).toThrow(FileError);
    expect(() => read(name, content)).toThrow(message);
  });

  it("gives JSON items the schema's defaults for language and certificate, as the API does", () => {
    const parsed = read('m.json', JSON.stringify([{ title: 'a' }, { title: 'b', language: 'en', certificate: true }]));
    expect(parsed.items).toEqual([
      { title: 'a', language: 'id', certificate: false },
      { title: 'b', language: 'en', certificate: true },
    ]);
  });

  it('words problems in Indonesian for the upload page', () => {
    const header = 'title,summary,description,category,skills,level,deliveryMode,priceIdr,lessons';
    const parsed = readImportFile('m.csv', Buffer.from(`${header}\nJudul Satu,s,d,x,a,BEGINNER,WEBINAR,0,[]\nJudul satu,s,d,x,a,BEGINNER,WEBINAR,0,[\n`), map, 'id');
    expect(parsed.errors).toEqual([
      { row: 3, field: 'lessons', message: 'Kolom lessons harus berisi daftar pelajaran dalam format JSON.' },
      { row: 3, field: 'title', message: 'Judulnya sama dengan baris 2.' },
    ]);
    const refused = (name: string, content: string | Buffer) => () => readImportFile(name, Buffer.isBuffer(content) ? content : Buffer.from(content), map, 'id');
    expect(refused('x.csv', Buffer.from([0x61, 0xe9, 0x0a]))).toThrow('Berkas x.csv bukan teks UTF-8');
    expect(refused('q.csv', 'provider,title,category,type,price\n"LKP,x,y,z,w\n')).toThrow('CSV tidak sah di baris 2: ada tanda kutip yang tidak ditutup');
    expect(refused('c.csv', 'provider,title,category,type,price\na,b,c\n')).toThrow('CSV tidak sah di baris 2: jumlah selnya tidak sama');
    expect(refused('k.csv', 'judul,harga\na,0\n')).toThrow('Kolom tidak dikenal: judul, harga.');
  });
});
