import type { FacetName, ModuleDocument, SearchEngine, SearchFilters, SearchRequest, SearchSort } from '../../src/search/search-engine.port';
import { contractCatalogue, moduleDocument } from './module-document.factory';

export interface ContractSetup {
  /** A fresh, empty engine with its settings applied. */
  create(): Promise<SearchEngine>;
  /** Releases what create() made (e.g. deletes a Meilisearch index). */
  dispose?(engine: SearchEngine): Promise<void>;
}

/** Reference implementations of the port's rules, computed over the fixture catalogue. */
const FILTER_ORACLES: { name: string; filters: SearchFilters; accepts: (document: ModuleDocument) => boolean }[] = [
  { name: 'categorySlugs (OR)', filters: { categorySlugs: ['kuliner', 'bahasa'] }, accepts: (d) => ['kuliner', 'bahasa'].includes(d.categorySlug) },
  { name: 'levels (OR)', filters: { levels: ['INTERMEDIATE', 'ADVANCED'] }, accepts: (d) => d.level !== 'BEGINNER' },
  { name: 'languages', filters: { languages: ['en'] }, accepts: (d) => d.language === 'en' },
  { name: 'deliveryModes (OR)', filters: { deliveryModes: ['WEBINAR', 'OFFLINE'] }, accepts: (d) => ['WEBINAR', 'OFFLINE'].includes(d.deliveryMode) },
  { name: 'priceIdr', filters: { priceIdr: [1] }, accepts: (d) => d.priceIdr === 1 },
  { name: 'certificate', filters: { certificate: false }, accepts: (d) => !d.certificate },
  { name: 'minDurationMinutes', filters: { minDurationMinutes: 180 }, accepts: (d) => d.durationMinutes >= 180 },
  { name: 'maxDurationMinutes', filters: { maxDurationMinutes: 90 }, accepts: (d) => d.durationMinutes <= 90 },
  { name: 'minRating (null never passes)', filters: { minRating: 4.2 }, accepts: (d) => d.ratingAverage !== null && d.ratingAverage >= 4.2 },
  { name: 'hasQuiz', filters: { hasQuiz: true }, accepts: (d) => d.hasQuiz },
  { name: 'hasQuiz: false', filters: { hasQuiz: false }, accepts: (d) => !d.hasQuiz },
  { name: 'contributorKinds', filters: { contributorKinds: ['ORGANIZATION'] }, accepts: (d) => d.contributorKind === 'ORGANIZATION' },
  { name: 'excludeIds', filters: { excludeIds: ['m01', 'm09'] }, accepts: (d) => !['m01', 'm09'].includes(d.id) },
  { name: 'topics (any of a module’s topics listed)', filters: { topics: ['busana-jahit', 'bahasa-inggris'] }, accepts: (d) => d.topics.some((topic) => ['busana-jahit', 'bahasa-inggris'].includes(topic)) },
  {
    name: 'several fields (AND across fields)',
    filters: { categorySlugs: ['penjualan-pemasaran'], deliveryModes: ['WEBINAR'], maxDurationMinutes: 80 },
    accepts: (d) => d.categorySlug === 'penjualan-pemasaran' && d.deliveryMode === 'WEBINAR' && d.durationMinutes <= 80,
  },
];

const byId = (a: ModuleDocument, b: ModuleDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const SORT_ORACLES: Record<Exclude<SearchSort, 'RELEVANCE'>, (a: ModuleDocument, b: ModuleDocument) => number> = {
  NEWEST: (a, b) => b.publishedAt - a.publishedAt || byId(a, b),
  RATING: (a, b) =>
    (b.ratingScore ?? -Infinity) - (a.ratingScore ?? -Infinity) || b.ratingCount - a.ratingCount || byId(a, b),
  POPULARITY: (a, b) => b.enrollmentCount - a.enrollmentCount || byId(a, b),
  DURATION_ASC: (a, b) => a.durationMinutes - b.durationMinutes || byId(a, b),
  DURATION_DESC: (a, b) => b.durationMinutes - a.durationMinutes || byId(a, b),
};

const FACET_VALUE: Record<FacetName, (document: ModuleDocument) => string> = {
  category: (d) => d.categorySlug,
  level: (d) => d.level,
  language: (d) => d.language,
  deliveryMode: (d) => d.deliveryMode,
  priceIdr: (d) => String(d.priceIdr),
  certificate: (d) => String(d.certificate),
};

function expectedFacet(documents: ModuleDocument[], facet: FacetName) {
  const counts = new Map<string, number>();
  for (const document of documents) counts.set(FACET_VALUE[facet](document), (counts.get(FACET_VALUE[facet](document)) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

async function* inBatches(...batches: ModuleDocument[][]): AsyncGenerator<ModuleDocument[]> {
  for (const batch of batches) yield batch;
}

/**
 * The search contract every SearchEngine adapter must pass: the same
 * semantics whatever runs underneath (product.md, "Search").
 */
export function describeSearchEngineContract(name: string, setup: ContractSetup): void {
  describe(`SearchEngine contract: ${name}`, () => {
    const catalogue = contractCatalogue();
    let engine: SearchEngine;

    const search = (request: Partial<SearchRequest>) =>
      engine.search({ query: '', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 50, ...request });
    const idsFor = async (query: string, request: Partial<SearchRequest> = {}) => (await search({ query, ...request })).hits.map((hit) => hit.id);
    const sortedIds = (ids: string[]) => [...ids].sort();

    beforeEach(async () => {
      engine = await setup.create();
      await engine.upsert(catalogue);
    });

    afterEach(async () => {
      await setup.dispose?.(engine);
    });

    describe('full text', () => {
      it('finds a module by the words of its title', async () => {
        expect(await idsFor('pemasaran digital')).toEqual(['m01']);
      });

      it('ranks a title match above a match in the description only', async () => {
        const ids = await idsFor('pemasaran');
        expect(ids).toContain('m08');
        expect(ids.indexOf('m01')).toBeLessThan(ids.indexOf('m08'));
        expect(ids.indexOf('m07')).toBeLessThan(ids.indexOf('m08'));
      });

      it('tolerates typos: "pemasran digtal" finds what "pemasaran digital" finds', async () => {
        expect(await idsFor('pemasran digtal')).toEqual(await idsFor('pemasaran digital'));
      });

      it('allows no typo in words shorter than 5 letters', async () => {
        expect(await idsFor('kuw')).toEqual([]);
        expect(await idsFor('kue')).toEqual(['m06']);
      });

      it('matches the last word as a prefix ("kewirau" finds "Kewirausahaan")', async () => {
        expect(await idsFor('kewirau')).toEqual(['m04']);
      });

      it('applies synonyms: marketing ~ pemasaran', async () => {
        expect(sortedIds(await idsFor('marketing'))).toEqual(sortedIds(await idsFor('pemasaran')));
        expect(await idsFor('marketing')).toContain('m01');
      });

      it('applies multi-word synonyms: jualan online ~ e-commerce; usaha kecil ~ UMKM', async () => {
        expect(await idsFor('jualan online')).toEqual(expect.arrayContaining(['m03', 'm10']));
        expect(await idsFor('usaha kecil')).toEqual(['m01']);
      });

      it('stems Indonesian affixes: memasarkan ~ pemasaran, menjahit ~ jahit, berjualan ~ jualan', async () => {
        expect(sortedIds(await idsFor('memasarkan'))).toEqual(sortedIds(await idsFor('pemasaran')));
        expect(await idsFor('menjahit')).toEqual(['m02']);
        expect(sortedIds(await idsFor('berjualan'))).toEqual(sortedIds(await idsFor('jualan')));
        expect(await idsFor('berjualan')).toEqual(expect.arrayContaining(['m04', 'm06', 'm08', 'm10']));
      });

      it('ignores stop words', async () => {
        expect(await idsFor('pemasaran yang digital')).toEqual(['m01']);
        expect((await search({ query: 'yang dan' })).totalHits).toBe(catalogue.length);
      });

      it('needs a match for some query word: nothing when none matches', async () => {
        expect(await idsFor('zzqa zzqb')).toEqual([]);
      });
    });

    describe('partial matching and ranking (matchingStrategy "frequency")', () => {
      // gamelan: 3 modules, angklung: 2, sasando: 1 (x1 has all three).
      const instruments = [
        moduleDocument({ id: 'x1', title: 'Gamelan Angklung Sasando', enrollmentCount: 1 }),
        moduleDocument({ id: 'x2', title: 'Gamelan Jawa', enrollmentCount: 900 }),
        moduleDocument({ id: 'x3', title: 'Gamelan Bali', enrollmentCount: 800 }),
        moduleDocument({ id: 'x4', title: 'Angklung Sunda', enrollmentCount: 700, durationMinutes: 10 }),
      ];
      beforeEach(async () => {
        await engine.upsert(instruments);
      });

      it('returns the modules matching some words when none matches them all; a word matching nothing is dropped', async () => {
        expect(sortedIds(await idsFor('gamelan zzqa'))).toEqual(['x1', 'x2', 'x3']);
        expect(sortedIds(await idsFor('zzqa gamelan zzqb'))).toEqual(['x1', 'x2', 'x3']);
      });

      it('ranks by the number of words matched before popularity, dropping the most frequent word first', async () => {
        // Both words: x1; then angklung alone (the rarer word is kept): x4. Gamelan alone is not enough.
        expect(await idsFor('gamelan angklung')).toEqual(['x1', 'x4']);
        expect(await idsFor('angklung gamelan')).toEqual(['x1', 'x4']);
        expect((await idsFor('sasando gamelan angklung'))[0]).toBe('x1');
      });

      it('ranks more words matched with a typo above fewer words matched exactly', async () => {
        await engine.upsert([moduleDocument({ id: 'x6', title: 'Gamelam Angklung', enrollmentCount: 0 })]);
        expect(await idsFor('gamelan angklung')).toEqual(['x1', 'x6', 'x4']);
      });

      it('places an explicit sort after the words rule', async () => {
        expect(await idsFor('gamelan angklung', { sort: 'DURATION_ASC' })).toEqual(['x1', 'x4']);
        expect(await idsFor('gamelan angklung', { sort: 'POPULARITY' })).toEqual(['x1', 'x4']);
      });

      it('uses only the first ten words of a query that are not stop words', async () => {
        const nineOthers = 'zzqa zzqb zzqc zzqd zzqe zzqf zzqg zzqh zzqi';
        expect(sortedIds(await idsFor(`${nineOthers} sasando`))).toEqual(['x1']);
        expect(sortedIds(await idsFor(`${nineOthers} yang dan sasando`))).toEqual(['x1']);
        expect(await idsFor(`${nineOthers} zzqj sasando`)).toEqual([]);
      });
    });

    describe('Indonesian spelling variants (src/search/data/spelling-id.json)', () => {
      const spelled = [
        moduleDocument({ id: 's1', title: 'Desain dengan Photoshop' }),
        moduleDocument({ id: 's2', title: 'Microsoft Excel Lengkap' }),
        moduleDocument({ id: 's3', title: 'Usaha Konveksi Rumahan' }),
        moduleDocument({ id: 's4', title: 'Menjahit Busana' }),
      ];
      beforeEach(async () => {
        await engine.upsert(spelled);
      });

      it.each([
        ['fotoshop', 's1'],
        ['eksel', 's2'],
        ['mikrosoft', 's2'],
        ['konfeksi', 's3'],
        ['mendjahit', 's4'],
      ])('"%s" finds %s', async (query, id) => {
        expect(await idsFor(query)).toContain(id);
      });
    });

    describe('filters', () => {
      it.each(FILTER_ORACLES)('$name', async ({ filters, accepts }) => {
        const expected = catalogue.filter(accepts).map((d) => d.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(catalogue.length);
        const response = await search({ filters, sort: 'NEWEST' });
        expect(sortedIds(response.hits.map((hit) => hit.id))).toEqual(sortedIds(expected));
        expect(response.totalHits).toBe(expected.length);
      });

      it('combines filters with a text query', async () => {
        expect(await idsFor('pemasaran', { filters: { certificate: false } })).toEqual(['m07']);
      });
    });

    describe('facets', () => {
      it('counts every facet over all matching modules, sorted by count then value', async () => {
        const response = await search({ pageSize: 1 });
        for (const facet of Object.keys(FACET_VALUE) as FacetName[]) {
          expect(response.facets[facet]).toEqual(expectedFacet(catalogue, facet));
        }
      });

      it("computes each facet without its own filter, but with every other filter", async () => {
        const filters: SearchFilters = { levels: ['BEGINNER'], categorySlugs: ['penjualan-pemasaran'], maxDurationMinutes: 200 };
        const response = await search({ filters });
        const short = catalogue.filter((d) => d.durationMinutes <= 200);
        expect(response.facets.level).toEqual(expectedFacet(short.filter((d) => d.categorySlug === 'penjualan-pemasaran'), 'level'));
        expect(response.facets.category).toEqual(expectedFacet(short.filter((d) => d.level === 'BEGINNER'), 'category'));
        const hits = short.filter((d) => d.level === 'BEGINNER' && d.categorySlug === 'penjualan-pemasaran');
        expect(response.facets.deliveryMode).toEqual(expectedFacet(hits, 'deliveryMode'));
        expect(response.totalHits).toBe(hits.length);
      });

      it('counts facets of the text matches only', async () => {
        const response = await search({ query: 'pemasaran' });
        const matchIds = response.hits.map((hit) => hit.id);
        expect(response.facets.category).toEqual(expectedFacet(catalogue.filter((d) => matchIds.includes(d.id)), 'category'));
      });

      it('returns no counts when facets are not asked for', async () => {
        const response = await search({ facets: false });
        expect(Object.values(response.facets).every((counts) => counts.length === 0)).toBe(true);
      });
    });

    describe('sorts', () => {
      it.each(Object.keys(SORT_ORACLES) as (keyof typeof SORT_ORACLES)[])('%s orders by its key, ties by id', async (sort) => {
        const expected = [...catalogue].sort(SORT_ORACLES[sort]).map((d) => d.id);
        expect(await idsFor('', { sort })).toEqual(expected);
      });

      it('RATING orders by the confidence-weighted score: one 5-star review below a hundred 4.8s', async () => {
        await engine.upsert([
          moduleDocument({ id: 'r-one-five', ratingAverage: 5, ratingCount: 1 }),
          moduleDocument({ id: 'r-hundred-4-8', ratingAverage: 4.8, ratingCount: 100 }),
        ]);
        const ids = await idsFor('', { sort: 'RATING', filters: { excludeIds: catalogue.map((d) => d.id) } });
        expect(ids).toEqual(['r-hundred-4-8', 'r-one-five']);
      });

      it('RELEVANCE without a query falls back to popularity', async () => {
        expect(await idsFor('', { sort: 'RELEVANCE' })).toEqual([...catalogue].sort(SORT_ORACLES.POPULARITY).map((d) => d.id));
      });

      it('an explicit sort orders text matches by its key', async () => {
        const matches = await idsFor('pemasaran');
        expect(matches.length).toBeGreaterThan(2);
        const newestFirst = catalogue.filter((d) => matches.includes(d.id)).sort(SORT_ORACLES.NEWEST).map((d) => d.id);
        expect(await idsFor('pemasaran', { sort: 'NEWEST' })).toEqual(newestFirst);
      });
    });

    describe('paging', () => {
      it('returns the requested page and the total number of hits', async () => {
        const all = [...catalogue].sort(SORT_ORACLES.POPULARITY).map((d) => d.id);
        const response = await search({ sort: 'POPULARITY', page: 2, pageSize: 3 });
        expect(response.hits.map((hit) => hit.id)).toEqual(all.slice(3, 6));
        expect(response.totalHits).toBe(catalogue.length);
        expect((await search({ sort: 'POPULARITY', page: 5, pageSize: 3 })).hits).toEqual([]);
      });
    });

    describe('highlights', () => {
      it('wraps matched words (exact, stem, typo, prefix, synonym) in <mark>', async () => {
        const titleFor = async (query: string) => (await search({ query })).hits.find((hit) => hit.id === 'm01')?.highlight.title;
        expect(await titleFor('pemasaran')).toBe('<mark>Pemasaran</mark> Digital untuk UMKM');
        expect(await titleFor('memasarkan')).toBe('<mark>Pemasaran</mark> Digital untuk UMKM');
        expect(await titleFor('pemasran digtal')).toBe('<mark>Pemasaran</mark> <mark>Digital</mark> untuk UMKM');
        expect(await titleFor('pemasaran dig')).toBe('<mark>Pemasaran</mark> <mark>Digital</mark> untuk UMKM');
        expect(await titleFor('usaha kecil')).toBe('Pemasaran Digital untuk <mark>UMKM</mark>');
      });

      it('HTML-escapes everything but the marks', async () => {
        const [hit] = (await search({ query: 'promosi', filters: { excludeIds: ['m01'] } })).hits;
        expect(hit.id).toBe('m07');
        expect(hit.highlight.title).toBe('Pemasaran &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>Promosi</mark>');
      });

      it('crops a long summary around the first match', async () => {
        const hit = (await search({ query: 'pemasaran' })).hits.find((candidate) => candidate.id === 'm07')!;
        const summary = hit.highlight.summary;
        expect(summary.startsWith('…')).toBe(true);
        expect(summary).toContain('<mark>pemasaran</mark>');
        expect(summary.split(/\s+/).length).toBeLessThanOrEqual(31);
      });

      it('returns the summary whole and escaped when it is short', async () => {
        const [hit] = (await search({ query: 'jahit' })).hits;
        expect(hit.highlight.summary).toBe('Membuat pola dan memotong kain untuk pakaian sederhana.');
      });
    });

    describe('writes', () => {
      it('ignores an upsert older than the stored version and applies a newer one', async () => {
        const stored = catalogue.find((d) => d.id === 'm01')!;
        await engine.upsert([{ ...stored, version: 3, title: 'Pemasaran Digital Lanjutan' }]);
        await engine.upsert([{ ...stored, version: 2, title: 'Pemasaran Usang' }]);
        expect(await idsFor('usang')).toEqual([]);
        expect(await idsFor('lanjutan')).toEqual(['m01']);
        expect((await engine.indexedVersions()).get('m01')).toBe(3);
      });

      it('updates sort keys in place when only statistics change', async () => {
        const stored = catalogue.find((d) => d.id === 'm07')!;
        await engine.upsert([{ ...stored, version: 2, enrollmentCount: 10_000 }]);
        expect((await idsFor('', { sort: 'POPULARITY' }))[0]).toBe('m07');
      });

      it('deletes by id', async () => {
        await engine.delete(['m02', 'unknown']);
        expect(await idsFor('jahit')).toEqual([]);
        expect((await search({})).totalHits).toBe(catalogue.length - 1);
        expect((await engine.indexedVersions()).has('m02')).toBe(false);
      });

      it('lists every indexed id with its version', async () => {
        const versions = await engine.indexedVersions();
        expect(new Map([...versions].sort())).toEqual(new Map(catalogue.map((d) => [d.id, d.version])));
      });

      it('rebuilds from batches and swaps the new index in', async () => {
        const progress: number[] = [];
        const fresh = [moduleDocument({ id: 'n01', title: 'Budidaya Ikan Lele' }), moduleDocument({ id: 'n02', title: 'Servis Motor Harian' })];
        const indexed = await engine.rebuild(inBatches([fresh[0]], [fresh[1]]), (count) => progress.push(count));
        expect(indexed).toBe(2);
        expect(progress).toEqual([1, 2]);
        expect(await idsFor('lele')).toEqual(['n01']);
        expect(await idsFor('pemasaran')).toEqual([]);
        expect(new Map([...(await engine.indexedVersions())].sort())).toEqual(new Map([['n01', 1], ['n02', 1]]));
      });

      it('is healthy', async () => {
        expect(await engine.isHealthy()).toBe(true);
      });
    });
  });
}
