import { browseFits, categoryAgreementFits, clauseCategories, compareOptions, fuseSignals, inferredCategories, inverseDocumentFrequency, nearDuplicatesLast, neighbourFits, RARE_WORD_SOURCES, rareWordCategories, relevanceRanking, ENROLLED_MIN_CLAUSES, SENSE_FLOOR, senseAgreement, shelfDocumentFrequency, signalsFor, WEIGHTS } from './free-options-ranking';

describe('free options ranking', () => {
  const profile = {
    interests: ['pemasaran digital', ' menjahit ', 'Pemasaran Digital'],
    purchases: [],
    categories: [
      { slug: 'kewirausahaan', count: 1 },
      { slug: 'penjualan-pemasaran', count: 3 },
    ],
    enrolledTitles: [' Belajar Menjadi Seorang Digital Marketing ', 'Belajar Menjahit bagi Modiste'],
    skills: [
      { skill: 'media sosial', count: 2 },
      { skill: 'copywriting', count: 2 },
      { skill: 'fotografi produk', count: 1 },
    ],
  };

  it('turns the like text, interests (which say a category too), enrolled modules\' titles, top skills and categories into weighted signals, deduplicated, in a fixed order', () => {
    expect(signalsFor(profile, '  Digital Marketing untuk UMKM ')).toEqual([
      { name: 'like', query: 'Digital Marketing untuk UMKM', weight: WEIGHTS.like, infersCategory: true, rareWordEvidence: true },
      { name: 'interest:pemasaran digital', query: 'pemasaran digital', weight: WEIGHTS.interest, infersCategory: true },
      { name: 'interest:menjahit', query: 'menjahit', weight: WEIGHTS.interest, infersCategory: true },
      { name: 'enrolled:Belajar Menjadi Seorang Digital Marketing', query: 'Belajar Menjadi Seorang Digital Marketing', weight: WEIGHTS.enrolled, fromCatalogue: true, minClauses: ENROLLED_MIN_CLAUSES },
      { name: 'enrolled:Belajar Menjahit bagi Modiste', query: 'Belajar Menjahit bagi Modiste', weight: WEIGHTS.enrolled, fromCatalogue: true, minClauses: ENROLLED_MIN_CLAUSES },
      { name: 'skill:copywriting', query: 'copywriting', weight: WEIGHTS.skill, fromCatalogue: true },
      { name: 'skill:media sosial', query: 'media sosial', weight: WEIGHTS.skill, fromCatalogue: true },
      { name: 'skill:fotografi produk', query: 'fotografi produk', weight: WEIGHTS.skill, fromCatalogue: true },
      { name: 'category:penjualan-pemasaran', query: '', categorySlugs: ['penjualan-pemasaran'], weight: WEIGHTS.category },
      { name: 'category:kewirausahaan', query: '', categorySlugs: ['kewirausahaan'], weight: WEIGHTS.category },
    ]);
  });

  it('weighs the newest purchase like a like text, earlier ones (up to three in all) less, and every purchase less beside a like text', () => {
    const bought = { interests: [], categories: [], skills: [], enrolledTitles: [], purchases: ['English for Restaurant Staff', 'Barista Kopi', 'Excel Dasar', 'Tata Rias'] };
    expect(signalsFor(bought).map((s) => [s.query, s.weight])).toEqual([
      ['English for Restaurant Staff', WEIGHTS.purchase],
      ['Barista Kopi', WEIGHTS.earlierPurchase],
      ['Excel Dasar', WEIGHTS.earlierPurchase],
    ]);
    expect(signalsFor(bought, 'bahasa inggris').map((s) => s.weight)).toEqual([WEIGHTS.like, WEIGHTS.earlierPurchase, WEIGHTS.earlierPurchase, WEIGHTS.earlierPurchase]);
    // A bought title is written by the platform: its words count as themselves, not as typos; what was bought says which category is wanted.
    expect(signalsFor(bought).every((s) => s.fromCatalogue && s.infersCategory)).toBe(true);
    // A whole title's rarest words say its category too; an interest's few words do not add to its best matches.
    expect(signalsFor(bought).every((s) => s.rareWordEvidence)).toBe(true);
    expect(signalsFor({ ...bought, purchases: [], interests: ['kopi'] }).map((s) => s.rareWordEvidence)).toEqual([undefined]);
  });

  it('reads the three newest enrolled modules\' titles as platform-written text, without inferring a category (their categories are signals already)', () => {
    const enrolled = { interests: [], purchases: [], categories: [], skills: [], enrolledTitles: ['Excel Dasar', 'Word Dasar', 'Barista Kopi', 'Tata Rias'] };
    expect(signalsFor(enrolled).map((s) => [s.query, s.weight, s.fromCatalogue, s.infersCategory])).toEqual([
      ['Excel Dasar', WEIGHTS.enrolled, true, undefined],
      ['Word Dasar', WEIGHTS.enrolled, true, undefined],
      ['Barista Kopi', WEIGHTS.enrolled, true, undefined],
    ]);
  });

  it('has no signal for a new beneficiary without interests (popularity decides)', () => {
    expect(signalsFor({ interests: [], purchases: [], categories: [], skills: [], enrolledTitles: [] }, '   ')).toEqual([]);
  });

  it('weighs a term by its rarity on the shelf', () => {
    expect(inverseDocumentFrequency(2, 300)).toBeGreaterThan(inverseDocumentFrequency(40, 300));
    expect(inverseDocumentFrequency(40, 300)).toBeGreaterThan(inverseDocumentFrequency(250, 300));
    expect(inverseDocumentFrequency(300, 300)).toBeGreaterThan(0);
  });

  it('counts how many modules hold a term on the whole shelf (any price), estimating it from the offered share when the term was not searched there', () => {
    // "strategi": one free title of 100, nine of the 266 listings: common, whatever the free shelf says.
    expect(shelfDocumentFrequency({ holding: 1, size: 100 }, { holding: 9, size: 266 })).toBe(9);
    expect(shelfDocumentFrequency({ holding: 10, size: 100 }, { size: 266 })).toBe(27);
    expect(shelfDocumentFrequency({ holding: 0, size: 0 }, { size: 266 })).toBe(0);
  });

  const hits = (ids: string[], totalHits = ids.length, grades = ids.map(() => 1)) => ({ ids, grades, totalHits });

  it('ranks with OR semantics: more and rarer words first, a module matching one rare word before one matching one common word', () => {
    // "bahasa inggris | pelayan restoran" over a shelf of 200: inggris and restoran are rare, bahasa common.
    const ranking = relevanceRanking(
      [
        {
          words: [hits(['english-a', 'english-b', 'jepang', 'korea'], 30), hits(['english-a', 'english-b', 'english-c'], 3)],
          phrase: hits(['english-a', 'english-b', 'english-c'], 3),
          weight: 1,
        },
        { words: [hits(['pelayan'], 1)], weight: 0.5 },
      ],
      200,
    ).map((fit) => fit.id);
    const position = (id: string) => (ranking.includes(id) ? ranking.indexOf(id) : Infinity);
    expect(ranking.slice(0, 2)).toEqual(['english-a', 'english-b']);
    expect(position('english-c')).toBeLessThan(position('pelayan'));
    expect(position('pelayan')).toBeLessThan(position('jepang'));
  });

  it('counts a synonym phrase once, as one concept: its words share its weight, the phrase (with its synonyms) is an alternative', () => {
    const fits = relevanceRanking(
      [{ words: [hits(['bahasa-inggris', 'bahasa-korea'], 20), hits(['bahasa-inggris', 'cakap-inggris'], 4)], phrase: hits(['bahasa-inggris', 'english-for-frontliners'], 2), weight: 1 }],
      200,
    );
    const fit = new Map(fits.map(({ id, fit }) => [id, fit]));
    expect(fit.get('bahasa-inggris')).toBe(1);
    expect(fit.get('english-for-frontliners')).toBeGreaterThan(fit.get('bahasa-korea')!);
    expect(fit.get('cakap-inggris')).toBeGreaterThan(fit.get('bahasa-korea')!);
    expect(fit.get('english-for-frontliners')).toBeLessThan(1);
  });

  it('gives fits relative to the best match, and leaves out modules far below it', () => {
    const fits = relevanceRanking(
      [
        { words: [hits(['english', 'penyanyi', 'desain'], 190)], weight: 1 }, // belajar: on nearly the whole shelf
        { words: [hits(['english'], 2)], weight: 1 }, // inggris
      ],
      200,
    );
    expect(fits).toEqual([{ id: 'english', fit: 1 }]);
  });

  it('scales a match by its grade, and drops a match graded 0 (a typo of a bought title\'s word)', () => {
    const fits = relevanceRanking([{ words: [hits(['padang-exact', 'padang-stem', 'pandang-typo'], 3, [1, 0.5, 0])], weight: 1 }], 200);
    expect(fits.map((fit) => fit.id)).toEqual(['padang-exact', 'padang-stem']);
    expect(fits[1].fit).toBeLessThan(0.6);
  });

  it('infers a text\'s categories from its best matches on the whole shelf, by rank and grade, leaving out a stray one', () => {
    const shares = inferredCategories([
      { categorySlug: 'pertanian', grade: 1 },
      { categorySlug: 'pertanian', grade: 0.8 },
      { categorySlug: 'makanan', grade: 1 },
      ...Array.from({ length: 8 }, () => ({ categorySlug: 'lainnya', grade: 0.1 })),
    ]);
    expect([...shares.keys()]).toEqual(['pertanian', 'makanan']);
    expect(shares.get('pertanian')).toBeGreaterThan(0.6);
    expect(inferredCategories([])).toEqual(new Map());
  });

  it('takes the categories of the first modules holding the text\'s rarest words themselves (not a stem), rarest clause first, each voting equally', () => {
    const match = (id: string, categorySlug: string, grade = 1) => ({ id, categorySlug, grade });
    const shares = rareWordCategories([
      // A common word: its many modules come only after the rare clauses' ones.
      { holding: 40, matches: [match('salon', 'gaya-hidup'), match('toko', 'penjualan')] },
      { holding: 0, matches: [] },
      { holding: 2, matches: [match('arsip', 'perkantoran'), match('kearsipan-stem', 'lainnya', 0.5)] },
      { holding: 3, matches: [match('arsip', 'perkantoran'), match('sekretaris', 'perkantoran'), match('etiket', 'sosial')] },
    ]);
    expect(RARE_WORD_SOURCES).toBe(3);
    expect([...shares]).toEqual([
      ['perkantoran', 2 / 3],
      ['sosial', 1 / 3],
    ]);
    expect(rareWordCategories([{ holding: 0, matches: [] }])).toEqual(new Map());
  });

  it('lets an inferred category\'s offered modules fit by its share, a catch-all category less than a small one', () => {
    const fits = categoryAgreementFits(
      new Map([['lainnya', 0.5], ['pertanian', 0.5]]),
      new Map([['lainnya', { ids: ['other'], totalHits: 60 }], ['pertanian', { ids: ['hydroponics'], totalHits: 3 }]]),
      200,
    );
    const fit = new Map(fits.map(({ id, fit }) => [id, fit]));
    expect(fit.get('hydroponics')).toBeGreaterThan(2 * fit.get('other')!);
    expect(fit.get('hydroponics')).toBeLessThanOrEqual(0.5);
  });

  it('leaves out modules matching fewer clauses than asked (an enrolled title\'s subject, not one word of it), or than there are', () => {
    // "Etika | Etiket | Sekretaris": the business-etiquette module shares one word, the secretary's etiquette module two.
    const clauses = [
      { words: [hits(['business-etiquette', 'secretary-etiquette'], 3)], weight: 1 },
      { words: [hits(['secretary-etiquette'], 1)], weight: 0.8 },
      { words: [hits(['secretary-etiquette', 'office-admin'], 4)], weight: 0.6 },
    ];
    expect(relevanceRanking(clauses, 200).map(({ id }) => id)).toEqual(['secretary-etiquette', 'business-etiquette', 'office-admin']);
    expect(relevanceRanking(clauses, 200, 2)).toEqual([{ id: 'secretary-etiquette', fit: 1 }]);
    expect(relevanceRanking([clauses[0]], 200, 2).map(({ id }) => id)).toEqual(['business-etiquette', 'secretary-etiquette']);
  });

  it('gives nothing for words that match nothing', () => {
    expect(relevanceRanking([{ words: [hits([])], weight: 1 }], 200)).toEqual([]);
  });

  it('adds up weighted fits, so a module found by several signals rises and a weak match of a strong signal stays below a good match of a weaker one', () => {
    const scores = fuseSignals([
      { weight: 3, fits: [{ id: 'a', fit: 1 }, { id: 'weak', fit: 0.2 }, { id: 'b', fit: 0.5 }] },
      { weight: 2, fits: [{ id: 'b', fit: 1 }, { id: 'c', fit: 1 }] },
    ]);
    expect(scores.get('a')).toBeCloseTo(3);
    expect(scores.get('b')).toBeCloseTo(1.5 + 2);
    expect(scores.get('weak')).toBeCloseTo(0.6);
    expect([...scores.keys()].sort((x, y) => scores.get(y)! - scores.get(x)!)).toEqual(['b', 'a', 'c', 'weak']);
  });

  it('lets a browse of a past category fit 1 at its top, half at its eleventh', () => {
    const fits = browseFits(Array.from({ length: 11 }, (_, i) => `m${i}`));
    expect(fits[0]).toEqual({ id: 'm0', fit: 1 });
    expect(fits[10].fit).toBeCloseTo(0.5);
  });

  it('breaks ties by popularity, then rating, then id, so the order is total; unscored (popular) modules come after every scored one', () => {
    const modules = [
      { id: 'm3', enrollmentCount: 5, ratingSum: 0, ratingCount: 0 },
      { id: 'm2', enrollmentCount: 5, ratingSum: 9, ratingCount: 2 },
      { id: 'm1', enrollmentCount: 9, ratingSum: 0, ratingCount: 0 },
      { id: 'm4', enrollmentCount: 5, ratingSum: 0, ratingCount: 0 },
      { id: 'm0', enrollmentCount: 0, ratingSum: 0, ratingCount: 0 },
    ];
    const scores = new Map([['m0', 0.01]]);
    expect([...modules].sort(compareOptions(scores)).map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('moves near-identical titles after the rest, keeping the first of each', () => {
    const words = (title: string) => new Set(title.toLowerCase().split(' ').filter((w) => !/^\d+$/.test(w)));
    const ordered = ['Bahasa Jepang Pemula Part 1', 'Bahasa Jepang Pemula Part 2', 'Bahasa Korea Dasar', 'Bahasa Jepang Lanjutan Part 1'];
    expect(nearDuplicatesLast(ordered, words)).toEqual(['Bahasa Jepang Pemula Part 1', 'Bahasa Korea Dasar', 'Bahasa Jepang Lanjutan Part 1', 'Bahasa Jepang Pemula Part 2']);
  });

  it('puts a small category the text points to before a catch-all it points to more (specificity squared)', () => {
    const fits = categoryAgreementFits(
      new Map([['lainnya', 0.7], ['pertanian', 0.3]]),
      new Map([['lainnya', { ids: ['filler'], totalHits: 44 }], ['pertanian', { ids: ['hydroponics'], totalHits: 3 }]]),
      266,
    );
    const fit = new Map(fits.map(({ id, fit }) => [id, fit]));
    expect(fit.get('hydroponics')).toBeGreaterThan(fit.get('filler')!);
  });

  it('reads a clause\'s categories as the graded shares of its matches', () => {
    expect(clauseCategories([{ categorySlug: 'ti', grade: 1 }, { categorySlug: 'ti', grade: 0.5 }, { categorySlug: 'makanan', grade: 0.5 }, { categorySlug: 'lainnya', grade: 0 }])).toEqual(
      new Map([['ti', 0.75], ['makanan', 0.25]]),
    );
    expect(clauseCategories([])).toEqual(new Map());
  });

  describe('word senses by category', () => {
    // "Keamanan Jaringan Komputer dan Cyber Security": "keamanan" alone matches a food-safety course, the rest IT courses.
    const security = [
      { categories: new Map([['makanan', 1]]), weight: 1, segment: 0 },
      { categories: new Map([['ti', 0.9], ['keuangan', 0.1]]), weight: 1, segment: 0 },
      { categories: new Map([['ti', 1]]), weight: 1, segment: 0 },
    ];

    it('demotes a match in a category the other clauses do not point to, keeps one in the category they point to', () => {
      const sense = senseAgreement(security);
      expect(sense(0, 'ti')).toBe(1);
      expect(sense(0, 'makanan')).toBeLessThan(0.8);
      expect(sense(0, 'makanan')).toBeGreaterThanOrEqual(SENSE_FLOOR);
      expect(sense(1, 'keuangan')).toBeLessThan(sense(1, 'ti'));
    });

    it('lets the other clauses overrule a clause only as far as they outweigh it', () => {
      const rareTopic = senseAgreement([{ ...security[0], weight: 8 }, ...security.slice(1)]);
      expect(rareTopic(0, 'makanan')).toBeGreaterThan(senseAgreement(security)(0, 'makanan'));
    });

    it('leaves alone a clause of another part of the text ("Digital Marketing | untuk Usaha Kuliner") and a clause alone in its part', () => {
      const sense = senseAgreement([
        { categories: new Map([['pemasaran', 1]]), weight: 1, segment: 0 },
        { categories: new Map([['makanan', 1]]), weight: 1, segment: 1 },
      ]);
      expect(sense(1, 'makanan')).toBe(1);
      expect(sense(0, 'pemasaran')).toBe(1);
      expect(senseAgreement([{ categories: new Map(), weight: 1, segment: 0 }, security[0]])(1, 'makanan')).toBe(1);
    });
  });

  describe('neighbours of the best matches', () => {
    const hitsOf = (found: Record<string, { ids: string[]; totalHits: number }>) => (term: string) => {
      const { ids, totalHits } = found[term] ?? { ids: [], totalHits: 0 };
      return { ids, grades: ids.map(() => 1), totalHits };
    };

    it('scores a module holding the rarer words a good match lends, never the source itself, over the best neighbour', () => {
      const fits = neighbourFits(
        [{ id: 'sql-design', fit: 3, terms: ['sql ', 'rancangan '] }],
        hitsOf({ 'sql ': { ids: ['sql-design', 'sql-negation'], totalHits: 2 }, 'rancangan ': { ids: ['sql-design', 'interior', 'sql-negation'], totalHits: 9 } }),
        266,
      );
      const fit = new Map(fits.map(({ id, fit }) => [id, fit]));
      expect(fit.has('sql-design')).toBe(false);
      expect(fit.get('sql-negation')).toBe(1);
      expect(fit.get('interior')).toBeLessThan(0.5);
    });

    it('ignores a lent word most of the shelf holds', () => {
      expect(neighbourFits([{ id: 'a', fit: 1, terms: ['bisnis '] }], hitsOf({ 'bisnis ': { ids: ['b', 'c'], totalHits: 40 } }), 266)).toEqual([]);
    });
  });
});
