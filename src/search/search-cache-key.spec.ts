import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import type { SearchFilters, SearchRequest } from './search-engine.port';
import { searchCacheKey } from './search-cache-key';
import { loadSearchLanguage } from './text/search-language';
import { moduleDocument } from '../../test/search/module-document.factory';

const request = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({ query: 'pemasaran digital', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 20, ...overrides });
const key = (overrides: Partial<SearchRequest> = {}) => searchCacheKey(request(overrides));

describe('searchCacheKey', () => {
  it('is one key for queries the engines read alike: case, diacritics, spacing and punctuation between words', () => {
    for (const query of ['Pemasaran DIGITAL', '  pemasaran   digital', 'pemasaran, digital', 'pémasaran digital', 'pemasaran\tdigital']) {
      expect(key({ query })).toBe(key());
    }
    expect(key({ query: '' })).toBe(key({ query: '   ' }));
  });

  it('tells apart a last word still being typed (a prefix) from one ended by a separator', () => {
    expect(key({ query: 'pemasaran digi' })).not.toBe(key({ query: 'pemasaran digi ' }));
    expect(key({ query: 'pemasaran digi ' })).toBe(key({ query: 'pemasaran digi.' }));
  });

  it('keys list filters as sets: order and repeats do not matter, and an empty list is no filter', () => {
    expect(key({ filters: { categorySlugs: ['b', 'a', 'b'], priceIdr: [1, 0] } })).toBe(key({ filters: { priceIdr: [0, 1], categorySlugs: ['a', 'b'] } }));
    expect(key({ filters: { levels: [], excludeIds: [] } })).toBe(key({ filters: {} }));
    expect(key({ filters: { certificate: undefined } })).toBe(key({ filters: {} }));
  });

  it('changes with every filter, the sort, the page, its size and the facets', () => {
    const filters: SearchFilters = {
      categorySlugs: ['bisnis'], levels: ['BEGINNER'], languages: ['id'], deliveryModes: ['WEBINAR'], priceIdr: [0], certificate: false, minDurationMinutes: 10,
      maxDurationMinutes: 90, minRating: 4, contributorKinds: ['ORGANIZATION'], hasQuiz: true, excludeIds: ['00000000-0000-4000-8000-000000000001'],
    };
    const keys = [
      key(),
      ...Object.entries(filters).map(([name, value]) => key({ filters: { [name]: value } })),
      key({ filters: { certificate: true } }),
      key({ sort: 'NEWEST' }),
      key({ page: 2 }),
      key({ pageSize: 10 }),
      key({ facets: false }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(key({ facets: true })).toBe(key());
  });

  it('shares a key only between requests the engine answers alike', async () => {
    const engine = new InProcessSearchEngine({ language: loadSearchLanguage() });
    await engine.upsert([
      moduleDocument({ id: 'a', title: 'Pemasaran Digital untuk UMKM' }),
      moduleDocument({ id: 'b', title: 'Digitalisasi Pemasaran Warung' }),
      moduleDocument({ id: 'c', title: 'Dasar Pemasaran Digi' }),
    ]);
    const answer = async (query: string) => {
      const response = await engine.search(request({ query }));
      return { ...response, processingTimeMs: 0 };
    };
    expect(await answer('PEMASARAN   Digital')).toEqual(await answer('pemasaran digital'));
    expect(await answer('pemasaran digi')).not.toEqual(await answer('pemasaran digi '));
  });
});
