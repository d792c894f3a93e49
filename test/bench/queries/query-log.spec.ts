import { zipfSampler } from '../../loadtest/zipf';
import { loadCorpus } from '../catalogue/catalogue-generator';
import { seededRandom } from '../search/synthetic-corpus';
import { buildQueryLog, distinctQueries, expectedSingletonShare, exponentForSingletonShare, singletonShare, type QueryLogSource } from './query-log';

const corpus = loadCorpus(42);
const source = (seed: number): QueryLogSource => {
  return {
    vocabulary: corpus.vocabulary,
    realTitles: corpus.realTitles,
    categorySlugs: ['bisnis', 'teknologi', 'bahasa'],
    random: seededRandom(seed),
  };
};

describe('singletonShare', () => {
  it('counts the draws whose value is drawn exactly once', () => {
    expect(singletonShare([1, 2, 2, 3, 3, 3, 4])).toBeCloseTo(2 / 7);
    expect(singletonShare(['a', 'b'])).toBe(1);
    expect(singletonShare([])).toBeNaN();
  });
});

describe('Zipf popularity with a wanted share of queries seen once', () => {
  it('solves the exponent, and draws from the Zipf sampler have that share (±0.02)', () => {
    for (const [distinct, requests] of [
      [20_000, 20_000],
      [20_000, 6_000],
    ]) {
      const exponent = exponentForSingletonShare(distinct, requests, 0.3);
      expect(expectedSingletonShare(distinct, requests, exponent)).toBeCloseTo(0.3, 3);
      const draw = zipfSampler(distinct, seededRandom(distinct + requests), exponent);
      const share = singletonShare(Array.from({ length: requests }, draw));
      expect(Math.abs(share - 0.3)).toBeLessThan(0.02);
    }
  });

  it('has more queries seen once with flatter popularity, and refuses a share uniform popularity cannot give', () => {
    expect(expectedSingletonShare(1_000, 1_000, 0)).toBeGreaterThan(expectedSingletonShare(1_000, 1_000, 1));
    expect(() => exponentForSingletonShare(1_000, 5_000, 0.3)).toThrow(/more distinct queries/);
  });
});

describe('buildQueryLog', () => {
  const log = buildQueryLog(source(16), {
    distinct: 20_000,
    requests: 20_000,
    singletonShare: 0.3,
  });

  it('draws from 20,000 distinct queries with about 30 % of requests seen once', () => {
    expect(log.distinctQueries).toBe(20_000);
    expect(log.requests).toHaveLength(20_000);
    expect(Math.abs(log.singletonShare - 0.3)).toBeLessThan(0.02);
    expect(log.singletonShare).toBeCloseTo(singletonShare(log.requests.map((request) => JSON.stringify(request))), 10);
  });

  it('types 1 to 4 words, with typos, filters, sorts and a few browses', () => {
    const queries = distinctQueries(source(7), 2_000);
    const lengths = queries.map((request) => (request.query === '' ? 0 : request.query.split(' ').length));
    expect(Math.min(...lengths.filter((n) => n > 0))).toBe(1);
    expect(Math.max(...lengths)).toBe(4);
    expect(queries.filter((request) => Object.keys(request.filters).length > 0).length / queries.length).toBeGreaterThan(0.1);
    expect(queries.filter((request) => request.sort !== 'RELEVANCE').length / queries.length).toBeGreaterThan(0.08);
    expect(queries.some((request) => request.query === '')).toBe(true);
    expect(new Set(queries.map((request) => JSON.stringify(request))).size).toBe(queries.length);
  });

  it('is the same log for the same seed', () => {
    const again = buildQueryLog(source(16), {
      distinct: 20_000,
      requests: 20_000,
      singletonShare: 0.3,
    });
    expect(again.requests.slice(0, 50)).toEqual(log.requests.slice(0, 50));
    expect(again.singletonShare).toBe(log.singletonShare);
  });
});
