import { IndonesianStemmer } from './indonesian-stemmer';

describe('IndonesianStemmer', () => {
  const stemmer = new IndonesianStemmer();

  it.each([
    ['memasarkan', 'pasar'],
    ['pemasaran', 'pasar'],
    ['menjahit', 'jahit'],
    ['berjualan', 'jual'],
    ['jualan', 'jual'],
    ['memasak', 'masak'],
    ['mengelola', 'kelola'],
    ['pengembangan', 'kembang'],
    ['kewirausahaan', 'wirausaha'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemmer.stem(word)).toBe(stem);
  });

  it('leaves short words, numbers and unknown words alone', () => {
    expect(stemmer.stem('it')).toBe('it');
    expect(stemmer.stem('2023')).toBe('2023');
    expect(stemmer.stem('pemasran')).toBe('pemasran');
  });

  it('keeps answering the same once its cache is full', () => {
    const tiny = new IndonesianStemmer(2);
    expect(['memasarkan', 'menjahit', 'berjualan', 'memasarkan'].map((word) => tiny.stem(word))).toEqual(['pasar', 'jahit', 'jual', 'pasar']);
  });
});
