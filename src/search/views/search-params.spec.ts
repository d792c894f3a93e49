import { DeliveryMode, Level } from '../../catalog/module-status';
import { ModuleSort } from '../dto/search-modules.input';
import { hasFilters, readSearchQuery, searchUrl } from './search-params';

describe('search page parameters', () => {
  it('reads the Indonesian parameters into the searchModules input and writes the same URL back', async () => {
    const { input, refused } = await readSearchQuery({
      q: '  lele  ', kategori: ['pertanian-perikanan', 'teknologi-informasi'], tingkat: 'mahir', cara: ['tatap-muka'], harga: 'gratis', sertifikat: 'ya', kuis: 'tidak', urut: 'terbaru', halaman: '3', bahasa: 'id',
    });
    expect(refused).toEqual({});
    expect(input).toMatchObject({
      query: 'lele', categorySlugs: ['pertanian-perikanan', 'teknologi-informasi'], levels: [Level.ADVANCED], deliveryModes: [DeliveryMode.OFFLINE], priceIdr: [0],
      certificate: true, hasQuiz: false, sort: ModuleSort.NEWEST, page: 3, pageSize: 20, languages: ['id'],
    });
    expect(searchUrl(input, 3)).toBe('/?q=lele&kategori=pertanian-perikanan&kategori=teknologi-informasi&tingkat=mahir&bahasa=id&cara=tatap-muka&harga=gratis&sertifikat=ya&kuis=tidak&urut=terbaru&halaman=3');
    expect((await readSearchQuery(Object.fromEntries(new URL(searchUrl(input, 3), 'http://x').searchParams))).refused).toEqual({});
    expect(hasFilters(input)).toBe(true);
  });

  it('leaves out what the input rules refuse, naming each field, and keeps the rest', async () => {
    const { input, refused } = await readSearchQuery({ q: 'x'.repeat(201), tingkat: ['pemula', 'SANGAT'], harga: '7', urut: 'acak', halaman: '0', sertifikat: 'mungkin', cara: 'webinar' });
    expect(Object.keys(refused).sort()).toEqual(['certificate', 'levels', 'page', 'priceIdr', 'query', 'sort']);
    expect(refused.query).toBe('Paling banyak 200 karakter.');
    expect(input.deliveryModes).toEqual([DeliveryMode.WEBINAR]);
    expect(input.query ?? '').toBe('');
    expect(hasFilters(input)).toBe(true);
  });

  it('treats a value sent twice or as an object where one is expected as absent', async () => {
    const { input, refused } = await readSearchQuery({ q: ['a', 'b'], urut: { x: '1' }, halaman: ['2', '3'], kategori: { y: '2' } });
    expect(refused).toEqual({});
    expect(input).toMatchObject({ query: '', pageSize: 20 });
    expect(input.categorySlugs).toBeUndefined();
    expect(searchUrl(input)).toBe('/');
    expect(hasFilters(input)).toBe(false);
  });
});
