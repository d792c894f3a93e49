import { LessonKind } from '../catalog/module-status';
import { BANNED_WORDS, findBannedWords, lessonsMissingContent } from './automatic-checks';

describe('automatic checks', () => {
  const banned = BANNED_WORDS;

  it('loads the banned-word list in lower case', () => {
    expect(banned).toContain('judi online');
    expect(banned.every((word) => word === word.toLowerCase())).toBe(true);
  });

  it('finds banned words and phrases as whole words, case-insensitive', () => {
    expect(findBannedWords(['Raih cuan dari SLOT   GACOR setiap hari'], banned)).toEqual(['slot gacor']);
    expect(findBannedWords(['Bisnis togel.'], banned)).toEqual(['togel']);
  });

  it('does not flag words that merely contain a banned word', () => {
    expect(findBannedWords(['Belajar menjudikan? tidak; budidaya ganjaran dan sabun'], banned)).toEqual([]);
  });

  it('lists lessons that lack the content their kind needs', () => {
    const lessons = [
      { position: 1, kind: LessonKind.VIDEO, contentUrl: null, body: 'catatan', questions: null },
      { position: 2, kind: LessonKind.VIDEO, contentUrl: 'https://contoh.id/v.mp4', body: null, questions: null },
      { position: 3, kind: LessonKind.ARTICLE, contentUrl: null, body: '   ', questions: null },
      { position: 4, kind: LessonKind.QUIZ, contentUrl: null, body: '1. Apa itu UMKM?', questions: null },
      { position: 5, kind: LessonKind.DOWNLOAD, contentUrl: null, body: null, questions: null },
      { position: 6, kind: LessonKind.QUIZ, contentUrl: null, body: null, questions: [{ id: 'q', prompt: 'Apa itu UMKM?', options: ['a', 'b'], correctOptions: [0] }] },
    ];
    expect(lessonsMissingContent(lessons)).toEqual([1, 3, 5]);
  });
});
