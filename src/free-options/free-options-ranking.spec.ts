import { compareOptions, fuseRankings, signalsFor, WEIGHTS } from './free-options-ranking';

describe('free options ranking', () => {
  const profile = {
    interests: ['pemasaran digital', ' menjahit ', 'Pemasaran Digital'],
    categories: [
      { slug: 'kewirausahaan', count: 1 },
      { slug: 'penjualan-pemasaran', count: 3 },
    ],
    skills: [
      { skill: 'media sosial', count: 2 },
      { skill: 'copywriting', count: 2 },
      { skill: 'fotografi produk', count: 1 },
    ],
  };

  it('turns the like text, interests, top skills and categories into weighted searches, deduplicated, in a fixed order', () => {
    expect(signalsFor(profile, '  Digital Marketing untuk UMKM ')).toEqual([
      { name: 'like', query: 'Digital Marketing untuk UMKM', weight: WEIGHTS.like },
      { name: 'interest:pemasaran digital', query: 'pemasaran digital', weight: WEIGHTS.interest },
      { name: 'interest:menjahit', query: 'menjahit', weight: WEIGHTS.interest },
      { name: 'skill:copywriting', query: 'copywriting', weight: WEIGHTS.skill },
      { name: 'skill:media sosial', query: 'media sosial', weight: WEIGHTS.skill },
      { name: 'skill:fotografi produk', query: 'fotografi produk', weight: WEIGHTS.skill },
      { name: 'category:penjualan-pemasaran', query: '', categorySlugs: ['penjualan-pemasaran'], weight: WEIGHTS.category },
      { name: 'category:kewirausahaan', query: '', categorySlugs: ['kewirausahaan'], weight: WEIGHTS.category },
    ]);
  });

  it('has no signal for a new beneficiary without interests (popularity decides)', () => {
    expect(signalsFor({ interests: [], categories: [], skills: [] }, '   ')).toEqual([]);
  });

  it('adds up weighted reciprocal ranks, so a module found by several signals rises', () => {
    const scores = fuseRankings([
      { weight: 3, ids: ['a', 'b'] },
      { weight: 2, ids: ['b', 'c'] },
    ]);
    expect(scores.get('a')).toBeCloseTo(3 / 11);
    expect(scores.get('b')).toBeCloseTo(3 / 12 + 2 / 11);
    expect(scores.get('c')).toBeCloseTo(2 / 12);
    expect([...scores.keys()].sort((x, y) => scores.get(y)! - scores.get(x)!)).toEqual(['b', 'a', 'c']);
  });

  it('breaks ties by popularity, then rating, then id, so the order is total', () => {
    const modules = [
      { id: 'm3', enrollmentCount: 5, ratingSum: 0, ratingCount: 0 },
      { id: 'm2', enrollmentCount: 5, ratingSum: 9, ratingCount: 2 },
      { id: 'm1', enrollmentCount: 9, ratingSum: 0, ratingCount: 0 },
      { id: 'm4', enrollmentCount: 5, ratingSum: 0, ratingCount: 0 },
      { id: 'm0', enrollmentCount: 0, ratingSum: 0, ratingCount: 0 },
    ];
    const scores = new Map([['m0', 0.5]]);
    expect([...modules].sort(compareOptions(scores)).map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });
});
