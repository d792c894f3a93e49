import { Meilisearch } from 'meilisearch';
import { MeilisearchTestDouble } from '../../../test/search/meilisearch-test-double';
import { describeSearchEngineContract } from '../../../test/search/search-engine.contract';
import { loadSearchLanguage } from '../text/search-language';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';

const language = loadSearchLanguage();
let created = 0;

async function engineOn(client: Meilisearch, taskPollIntervalMs?: number): Promise<MeilisearchSearchEngine> {
  const engine = new MeilisearchSearchEngine({ client, language, indexUid: `contract_${process.pid}_${Date.now()}_${created++}`, taskPollIntervalMs });
  await engine.applySettings();
  return engine;
}

// Always (CI): the adapter against the strict test double (test/search/meilisearch-test-double.ts).
const double = new MeilisearchTestDouble();
let doubleClient: Meilisearch;
beforeAll(async () => {
  doubleClient = new Meilisearch({ host: await double.start(), apiKey: 'test-master-key' });
});
afterAll(() => double.stop());
describeSearchEngineContract('meilisearch adapter against the strict test double', {
  create: async () => {
    double.reset();
    return engineOn(doubleClient, 1);
  },
});

const url = process.env.MEILI_URL;
if (url) {
  jest.setTimeout(60_000);
  const client = new Meilisearch({ host: url, apiKey: process.env.MEILI_API_KEY });
  describeSearchEngineContract('meilisearch (live, MEILI_URL)', {
    create: () => engineOn(client),
    dispose: async (engine) => {
      await client.deleteIndex((engine as MeilisearchSearchEngine).indexUid).waitTask();
    },
  });
} else {
  describe.skip('SearchEngine contract: live meilisearch (skipped: set MEILI_URL to run it against a real Meilisearch)', () => {
    it('needs MEILI_URL', () => undefined);
  });
}
