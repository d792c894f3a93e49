
import { Meilisearch } from 'meilisearch';
import { describeSearchEngineContract } from '../testing/search-engine.contract';
import { loadSearchLanguage } from '../text/search-language';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';

const url = process.env.MEILI_URL;

if (url) {
  jest.setTimeout(60_000);
  const client = new Meilisearch({ host: url, apiKey: process.env.MEILI_API_KEY });
  const language = loadSearchLanguage();
  let created = 0;
  describeSearchEngineContract('meilisearch', {
    create: async () => {
      const engine = new MeilisearchSearchEngine({ client, language, indexUid: `contract_${process.pid}_${Date.now()}_${created++}` });
      await engine.applySettings();
      return engine;
    },
    dispose: async (engine) => {
      const { indexUid } = engine as MeilisearchSearchEngine;
      await client.deleteIndex(indexUid).waitTask();
    },
  });
} else {
  describe.skip('SearchEngine contract: meilisearch (skipped: set MEILI_URL to run it against a real Meilisearch)', () => {
    it('needs MEILI_URL', () => undefined);
  });
}
