import { TopicLexicon } from './topic-lexicon';

describe('TopicLexicon', () => {
  const lexicon = new TopicLexicon({
    topics: {
      peternakan: { name: 'Peternakan', group: 'agribisnis', words: ['beternak', 'ayam', 'petelur', 'unggas'] },
      perikanan: { name: 'Perikanan', group: 'agribisnis', words: ['ikan', 'lele'] },
      masakan: { name: 'Masakan', group: 'kuliner', words: ['masak', 'resep', 'ayam', 'telur'] },
      perhotelan: { name: 'Perhotelan', group: 'layanan', words: ['front office', 'hotel'] },
      perkantoran: { name: 'Perkantoran', group: 'kantor', words: ['office'] },
    },
  });

  it('counts each topic a text’s words name: as written first ("petelur" is listed, its stem "telur" is cooking), else by match key', () => {
    expect(lexicon.topicsOf('Beternak Ayam Petelur')).toEqual(new Map([['peternakan', 3], ['masakan', 1]]));
    expect(lexicon.topicsOf('Memasak dengan Resep Nenek')).toEqual(new Map([['masakan', 2]]));
  });

  it('reads a phrase of the lexicon before its words: "front office" is a hotel desk, not office work', () => {
    expect(lexicon.topicsOf('Karir Front Office Hotel')).toEqual(new Map([['perhotelan', 2]]));
    expect(lexicon.topicsOf('Aplikasi Office')).toEqual(new Map([['perkantoran', 1]]));
  });

  it('names no topic for generic frame words, and knows each topic’s group', () => {
    expect(lexicon.topicsOf('Strategi Teknik Dasar Usaha').size).toBe(0);
    expect(lexicon.groupOf('perikanan')).toBe('agribisnis');
    expect(lexicon.groupOf('unknown')).toBeUndefined();
  });

  it('reads a word of several topics in the context of the text’s other words when asked to resolve senses', () => {
    const resolved = lexicon.resolvedTopicsOf('Resep Ayam Goreng');
    expect(resolved.get('masakan')).toBeCloseTo(1 + 2 / 3);
    expect(resolved.get('peternakan')).toBeCloseTo(1 / 3);
    // A sense no other word names keeps its share.
    expect(lexicon.resolvedTopicsOf('Ayam')).toEqual(new Map([['peternakan', 0.5], ['masakan', 0.5]]));
  });
});
