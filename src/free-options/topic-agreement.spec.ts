import { TopicLexicon } from '../search/text/topic-lexicon';
import { GROUP_CREDIT, mainTopicSets, MIN_TOPIC_FIT, moduleTopicProfile, TOPIC_FLOOR, topicAgreement, topicFactor, topicFits, topicProfile, UNKNOWN_TOPIC } from './topic-agreement';

describe('topic agreement', () => {
  const lexicon = new TopicLexicon({
    topics: {
      peternakan: { name: 'Peternakan', group: 'agribisnis', words: ['beternak', 'ayam', 'petelur'] },
      perikanan: { name: 'Perikanan', group: 'agribisnis', words: ['ikan', 'lele'] },
      masakan: { name: 'Masakan', group: 'kuliner', words: ['masak', 'resep', 'ayam', 'telur', 'katering'] },
      jaringan: { name: 'Jaringan', group: 'teknologi', words: ['jaringan', 'keamanan', 'cisco'] },
      k3: { name: 'K3', group: 'industri', words: ['keamanan', 'sanitasi'] },
      'restoran-layanan': { name: 'Layanan restoran', group: 'layanan', words: ['pelayan', 'restoran'] },
      inggris: { name: 'Bahasa Inggris', group: 'bahasa', words: ['inggris'] },
    },
  });
  const moduleTopics = (title: string) => moduleTopicProfile(lexicon.resolvedTopicsOf(title), lexicon);
  const agreement = (text: string, title: string) => topicAgreement(topicProfile(text, lexicon)!, moduleTopics(title));

  it('says what a text is about by the topic most of its words name (a word’s other sense loses)', () => {
    const profile = topicProfile('Beternak Ayam Petelur', lexicon)!;
    expect(profile.topics.get('peternakan')).toBe(1);
    expect(profile.topics.get('masakan')).toBeCloseTo(1 / 3);
    expect(agreement('Keamanan Jaringan Cisco', 'Jaringan Komputer')).toBe(1);
    // The module's own words say which sense its "keamanan" has: food safety, mostly; only the text's minor sense is shared.
    expect(agreement('Keamanan Jaringan Cisco', 'Keamanan dan Sanitasi Makanan')).toBeCloseTo(1 / 3);
    expect(agreement('Beternak Ayam Petelur', 'Katering Masakan Rumahan: Telur Balado, Sup Ayam')).toBeCloseTo(1 / 3);
  });

  it('weighs an audience after "untuk" as the segment does, below the subject', () => {
    const profile = topicProfile('Bahasa Inggris untuk Pelayan Restoran', lexicon)!;
    expect(profile.topics.get('inggris')).toBe(1);
    expect(profile.topics.get('restoran-layanan')).toBe(1);
    const single = topicProfile('Bahasa Inggris untuk Pelayan', lexicon)!;
    expect(single.topics.get('restoran-layanan')).toBe(0.5);
  });

  it('gives a module of the same group part credit, one of no shared topic or group none, one naming no topic "unknown"', () => {
    expect(agreement('Beternak Ayam Petelur', 'Budidaya Ikan Lele')).toBe(GROUP_CREDIT);
    expect(agreement('Beternak Ayam Petelur', 'Keamanan Jaringan')).toBe(0);
    expect(agreement('Beternak Ayam Petelur', 'Strategi Sukses')).toBeUndefined();
    expect(topicProfile('Strategi Teknik Dasar', lexicon)).toBeUndefined();
  });

  it('scales a match from the floor (no shared topic) to whole (the main topic); unknown sits between', () => {
    expect(topicFactor(0)).toBe(TOPIC_FLOOR);
    expect(topicFactor(1)).toBe(1);
    expect(topicFactor(undefined)).toBe(UNKNOWN_TOPIC);
    expect(UNKNOWN_TOPIC).toBeGreaterThan(TOPIC_FLOOR);
  });

  it('offers as filler the modules that share the text’s subject without sharing a word', () => {
    const profile = topicProfile('Beternak Ayam Petelur', lexicon)!;
    const candidates = ['Budidaya Ikan Lele', 'Katering Rumahan', 'Jaringan Komputer', 'Strategi Sukses'].map((title, i) => ({ id: `m${i}`, topics: moduleTopics(title) }));
    expect(topicFits(profile, candidates)).toEqual([
      { id: 'm0', fit: GROUP_CREDIT },
      { id: 'm1', fit: expect.closeTo(1 / 3, 5) },
    ]);
  });

  it('browses each main topic, and each main group’s topics together, once', () => {
    const sets = mainTopicSets([topicProfile('Beternak Ayam Petelur', lexicon), undefined, topicProfile('Petelur dan Beternak Ayam', lexicon)], lexicon);
    expect(sets).toEqual([['peternakan'], ['perikanan', 'peternakan']]);
  });

  it('leaves out of the filler a module sharing only a minor topic’s group', () => {
    const cooking = topicProfile('Resep Ayam Katering', lexicon)!;
    const fish = { id: 'fish', topics: moduleTopics('Budidaya Ikan Lele') };
    expect(topicAgreement(cooking, fish.topics)).toBeLessThan(MIN_TOPIC_FIT);
    expect(topicFits(cooking, [fish])).toEqual([]);
  });
});
