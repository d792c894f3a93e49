import { analyzeQuery } from '../text/query-analysis';
import { loadSearchLanguage } from '../text/search-language';
import { MATCHING_STRATEGY, meilisearchQuery } from './meilisearch-search-engine';

const language = loadSearchLanguage();

describe('the query the Meilisearch adapter sends', () => {
  it('sends each typed word as its match key, the last one as a prefix unless a space ended the query', () => {
    expect(meilisearchQuery(analyzeQuery('memasarkan excell', language))).toBe('pasar eksel');
    expect(meilisearchQuery(analyzeQuery('memasarkan excell ', language))).toBe('pasar eksel ');
  });

  it('sends a clause alone without prefix when it is not the last (the per-word counts of the zero-result retry)', () => {
    const [first] = analyzeQuery('bikin kue', language);
    expect(meilisearchQuery([first])).toBe('bikin ');
  });

  it('uses matchingStrategy "frequency", as the in-process engine', () => {
    expect(MATCHING_STRATEGY).toBe('frequency');
  });

  it('expands a synonym phrase written with stop words from its spelling without them', () => {
    const synonyms = language.synonyms.toMeilisearchSynonyms(language.stopWords);
    const sent = meilisearchQuery(analyzeQuery('berbicara di depan umum ', language)).trim();
    expect(sent).toBe(['berbicara', 'depan', 'umum'].map(language.matchKey).join(' '));
    expect(synonyms[sent]).toContain('public speaking');
  });
});
