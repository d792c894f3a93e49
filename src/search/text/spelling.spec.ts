import { spellingKey } from './spelling';

describe('spellingKey', () => {
  it.each([
    ['photoshop', 'fotoshop', 'f/ph'],
    ['komputer', 'computer', 'k/c'],
    ['katering', 'catering', 'k/c'],
    ['kafe', 'cafe', 'k/c and the silent final e'],
    ['kualitas', 'qualitas', 'k/q'],
    ['eksel', 'excel', 's/x and c before e'],
    ['excel', 'excell', 'single/double letters'],
    ['taksi', 'taxi', 's/x'],
    ['jahit', 'djahit', 'j/dj (old spelling)'],
    ['usaha', 'oesaha', 'u/oe (old spelling)'],
    ['cara', 'tjara', 'c/tj (old spelling)'],
    ['akhir', 'achir', 'kh/ch (old spelling)'],
    ['khusus', 'kusus', 'kh/k'],
    ['siber', 'cyber', 'c before y, y between consonants'],
    ['sistem', 'system', 'y between consonants'],
    ['konveksi', 'konfeksi', 'f/v'],
    ['programer', 'programmer', 'single/double letters'],
    ['servis', 'service', 'c before e, silent final e'],
    ['grup', 'group', 'u/ou'],
    ['metode', 'methode', 'th'],
  ])('%s and %s share a key (%s)', (standard, variant) => {
    expect(spellingKey(variant)).toBe(spellingKey(standard));
  });

  it.each([
    ['jahit', 'jahat'],
    ['kopi', 'kapi'],
    ['desain', 'dasar'],
    ['masak', 'pasak'],
    ['sayur', 'sabun'],
  ])('keeps different words apart: %s / %s', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });

  it('leaves codes, digits and very short words as typed', () => {
    expect(['k3', '2d', 'ac', 'ai', 'ms', '2018'].map(spellingKey)).toEqual(['k3', '2d', 'ac', 'ai', 'ms', '2018']);
  });

  it('is stable: a key folds to itself', () => {
    for (const word of ['photoshop', 'excell', 'cyber', 'tjara', 'konveksi', 'coffee', 'service']) {
      expect(spellingKey(spellingKey(word))).toBe(spellingKey(word));
    }
  });
});
