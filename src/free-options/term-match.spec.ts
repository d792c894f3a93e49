import { moduleDocument } from '../../test/search/module-document.factory';
import { loadSearchLanguage } from '../search/text/search-language';
import { GRADES, TermGrader } from './term-match';

describe('TermGrader', () => {
  const language = loadSearchLanguage();
  const grader = () => new TermGrader(language);
  const titled = (id: string, title: string, categoryName = 'Lainnya') => ({ ...moduleDocument({ id, title, categoryName }), summary: '', description: '', skills: [] });

  it('grades the word itself 1, a shared stem less, and a typo of a bought title\'s word 0', () => {
    const padang = titled('padang', 'Masakan Padang Rumah Makan');
    const pandang = titled('pandang', 'Sukses Melamar Kerja dari Sudut Pandang HR');
    const telur = titled('telur', 'Menu Katering Telur Balado');
    expect(grader().grade('padang ', padang, false)).toBeGreaterThan(0.9);
    expect(grader().grade('padang ', pandang, false)).toBe(0);
    expect(grader().grade('petelur ', telur, false)).toBeGreaterThan(0);
    expect(grader().grade('petelur ', telur, false)).toBeCloseTo(GRADES.stem * grader().grade('telur ', telur, false));
  });

  it('keeps the engine\'s loose matches, weakly, for words a person typed', () => {
    const pandang = titled('pandang', 'Sukses Melamar Kerja dari Sudut Pandang HR');
    expect(grader().grade('padang ', pandang, true)).toBeGreaterThan(0);
    expect(grader().grade('padang ', pandang, true)).toBeLessThan(GRADES.exact / 2);
  });

  it('counts a curated synonym as the word', () => {
    const english = titled('english', 'English for Frontliners');
    expect(grader().grade('bahasa inggris ', english, false)).toBeGreaterThan(0.9);
  });

  it('counts a word only in the category name ("Teknik") far less than one in the title', () => {
    const inCategory = titled('salon', 'Membuka Usaha Salon', 'Teknik');
    const inTitle = titled('barista', 'Teknik Dasar Barista');
    expect(grader().grade('teknik ', inCategory, false)).toBeLessThan(grader().grade('teknik ', inTitle, false) / 2);
  });
});
