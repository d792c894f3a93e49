import DataLoader from 'dataloader';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';
import type { Loaders } from '../graphql/loaders';
import type { Outbox } from '../queue/outbox';
import { SearchModulesInput } from './dto/search-modules.input';
import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import type { IndexRepair } from './index-repair';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search-engine';
import type { ModuleDocument, SearchEngine } from './search-engine.port';
import { SearchService } from './search.service';
import { MeilisearchTestDouble } from '../../test/search/meilisearch-test-double';
import { moduleDocument } from '../../test/search/module-document.factory';
import { loadSearchLanguage } from './text/search-language';

const language = loadSearchLanguage();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The database as the check sees it: rows by id, and every statement run. */
function fakeDatabase(rows: Map<string, Partial<ModuleEntity>>) {
  const statements: string[] = [];
  const dataSource = {
    query: async (sql: string, [ids]: [string[]]) => {
      statements.push(sql);
      return ids.flatMap((key) => (rows.has(key) ? [{ id: key, status: rows.get(key)!.status, version: rows.get(key)!.version }] : []));
    },
  } as unknown as DataSource;
  const loaders = () => ({ modules: new DataLoader(async (keys: readonly string[]) => keys.map((key) => rows.get(key) as ModuleEntity | undefined)) }) as unknown as Loaders;
  return { dataSource, loaders, statements };
}

function row(n: number, status: ModuleStatus, version: number, title: string): Partial<ModuleEntity> {
  return { id: id(n), status, version, title, slug: `m-${n}`, ratingCount: 0, ratingSum: 0, moderationChecks: [] };
}

/** The four documents every engine holds: all at version 2, as the index saw them before the database moved on. */
const DOCUMENTS: ModuleDocument[] = [1, 2, 3, 4].map((n) => moduleDocument({ id: id(n), version: 2, title: `Kursus Akuntansi ${n}`, categorySlug: n === 2 ? 'perkantoran' : 'keuangan-akuntansi' }));

/** The check sits above the port, so it must hold whichever engine answers. */
const meilisearch = new MeilisearchTestDouble();
let meilisearchStarted = false;
const ENGINES: [string, () => Promise<SearchEngine>][] = [
  [
    'in-process',
    async () => {
      const engine = new InProcessSearchEngine({ language });
      await engine.upsert(DOCUMENTS);
      return engine;
    },
  ],
  [
    'meilisearch (HTTP test double)',
    async () => {
      meilisearch.multiSearchResponse = ({ queries }) => ({
        results: queries.map((query) => {
          const hits = String(query.q).includes('tidak') ? [] : DOCUMENTS;
          return { indexUid: query.indexUid, hits, totalHits: hits.length, facetDistribution: hits.length ? { categorySlug: { 'keuangan-akuntansi': 3, perkantoran: 1 } } : {}, processingTimeMs: 1 };
        }),
      });
      const client = new Meilisearch({ host: await meilisearch.start(), apiKey: 'test-master-key' });
      meilisearchStarted = true;
      return new MeilisearchSearchEngine({ client, language, indexUid: 'modules' });
    },
  ],
];

afterAll(async () => {
  if (meilisearchStarted) await meilisearch.stop();
});

describe.each(ENGINES)('SearchService over %s: hits checked against the database', (_, createEngine) => {
  let engine: SearchEngine;
  let rows: Map<string, Partial<ModuleEntity>>;
  let repaired: string[];
  let service: SearchService;
  let db: ReturnType<typeof fakeDatabase>;

  beforeAll(async () => {
    engine = await createEngine();
  });

  beforeEach(() => {
    rows = new Map([
      [id(1), row(1, ModuleStatus.PUBLISHED, 2, 'Kursus Akuntansi 1')],
      [id(2), row(2, ModuleStatus.UNPUBLISHED, 3, 'Kursus Akuntansi 2')],
      [id(3), row(3, ModuleStatus.PUBLISHED, 3, 'Kursus Akuntansi 3 (disetujui ulang)')],
      // id(4) was deleted from the database.
    ]);
    repaired = [];
    db = fakeDatabase(rows);
    const repair = { requestSync: async (ids: string[]) => void repaired.push(...ids) } as unknown as IndexRepair;
    service = new SearchService(engine, db.dataSource, {} as Outbox, repair, { databasePoolSize: 1 } as AppConfig);
  });

  const search = (fromIndex: boolean, input: Partial<SearchModulesInput> = {}) => service.search({ query: 'akuntansi', pageSize: 10, ...input } as SearchModulesInput, db.loaders(), fromIndex);

  it.each([
    ['from the index documents', true],
    ['from the database rows', false],
  ])('lists only what the database publishes, answering %s', async (_, fromIndex) => {
    const page = await search(fromIndex);
    expect(page.hits.map((hit) => hit.module.id).sort()).toEqual([id(1), id(3)]);
    expect(page.hits.every((hit) => hit.module.status === ModuleStatus.PUBLISHED)).toBe(true);
    expect(page.totalHits).toBe(2);
    expect(page.totalPages).toBe(1);
    expect(page.facets.category).toEqual([{ value: 'keuangan-akuntansi', count: 2 }]);
    expect(repaired.sort()).toEqual([id(2), id(3), id(4)]);
  });

  it('answers a current document from the index with one status query, and an outdated one from its row', async () => {
    const page = await search(true);
    const titles = Object.fromEntries(page.hits.map((hit) => [hit.module.id, hit.module.title]));
    expect(titles).toEqual({ [id(1)]: 'Kursus Akuntansi 1', [id(3)]: 'Kursus Akuntansi 3 (disetujui ulang)' });
    expect(db.statements).toEqual(['SELECT id, status, version FROM modules WHERE id = ANY($1::uuid[])']);
  });

  it('takes the status of a hit from the database, never from the index', async () => {
    rows.set(id(1), row(1, ModuleStatus.IN_REVIEW, 2, 'Kursus Akuntansi 1'));
    const page = await search(true);
    expect(page.hits.map((hit) => hit.module.id)).toEqual([id(3)]);
  });

  it('reads nothing when the page is empty', async () => {
    const page = await search(true, { query: 'tidakadayangcocok' });
    expect(page.hits).toEqual([]);
    expect(db.statements).toEqual([]);
    expect(repaired).toEqual([]);
  });
});
