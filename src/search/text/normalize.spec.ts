import { tokenize, tokenizeWithOffsets } from './normalize';

describe('tokenizeWithOffsets', () => {
  it('splits plain ASCII on everything but letters and digits, lower-cased, with offsets', () => {
    expect(tokenizeWithOffsets('K3 di_Tempat-Kerja (2024)!')).toEqual([
      { word: 'k3', start: 0, end: 2 },
      { word: 'di', start: 3, end: 5 },
      { word: 'tempat', start: 6, end: 12 },
      { word: 'kerja', start: 13, end: 18 },
      { word: '2024', start: 20, end: 24 },
    ]);
  });

  it('folds diacritics and keeps non-ASCII letters in words', () => {
    expect(tokenizeWithOffsets('Pâtisserie & Café')).toEqual([
      { word: 'patisserie', start: 0, end: 10 },
      { word: 'cafe', start: 13, end: 17 },
    ]);
  });

  it('gives the words tokenize gives for plain ASCII', () => {
    const text = 'Belajar Excel, Word & PowerPoint: 3 aplikasi_kantor.';
    expect(tokenizeWithOffsets(text).map((token) => token.word)).toEqual(tokenize(text));
  });
});
