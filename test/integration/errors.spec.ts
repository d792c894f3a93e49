import { CatalogService } from '../../src/catalog/catalog.service';
import { SEARCH_ENGINE, SearchEngine, SearchUnavailableError } from '../../src/search/search-engine.port';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

describe('errors in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('masks unexpected errors: no message, SQL or stack trace reaches the client', async () => {
    const catalog = t.app.get(CatalogService);
    const original = catalog.categories;
    catalog.categories = () => Promise.reject(new Error('relation "categories_secret" does not exist: SELECT * FROM categories_secret'));
    try {
      const res = await t.gql(`{ categories { slug } }`);
      expect(res.errors).toEqual([{ message: 'Internal server error', path: ['categories'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(res)).not.toMatch(/SELECT|categories_secret|stacktrace|\.ts:/);
    } finally {
      catalog.categories = original;
    }
  });

  it('gives every error a contract code, including malformed requests', async () => {
    expect(errorCode(await t.gql(`{ categories { slug `))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`{ categories { noSuchField } }`))).toBe('BAD_USER_INPUT');
    const wrongType = await t.gql(`query($p: Int!) { searchModules(input: { pageSize: $p }) { totalHits } }`, { p: 'many' });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
  });

  it('answers SEARCH_UNAVAILABLE when the search engine cannot be reached', async () => {
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const original = engine.search;
    engine.search = () => Promise.reject(new SearchUnavailableError('connect ECONNREFUSED 10.0.0.7:7700'));
    try {
      const res = await t.gql(`{ searchModules(input: { query: "excel" }) { totalHits } }`);
      expect(errorCode(res)).toBe('SEARCH_UNAVAILABLE');
      expect(res.errors![0].message).not.toContain('10.0.0.7');
    } finally {
      engine.search = original;
    }
  });
});
