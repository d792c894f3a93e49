import { matchKey, matchKeyText } from './match-key';

describe('matchKey', () => {
  it('stems, then folds the spelling', () => {
    expect(matchKey('memasarkan')).toBe(matchKey('pemasaran'));
    expect(matchKey('excell')).toBe(matchKey('eksel'));
    expect(matchKey('konfeksi')).toBe(matchKey('konveksi'));
  });
});

describe('matchKeyText', () => {
  it('lists the keys that differ from their word, once each', () => {
    expect(matchKeyText(['Pemasaran dan memasarkan', 'Teknik Jahit'])).toBe('pasar');
    expect(matchKeyText(['Microsoft Excel'])).toBe('mikrosoft eksel');
  });
});
