import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CuratedSearchLanguage, CuratedSynonymsError } from './search-language';

describe('CuratedSearchLanguage', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dm-language-'));
    file = join(directory, 'synonyms.json');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const othersOf = (language: CuratedSearchLanguage, word: string) => language.synonyms.match([word], 0)?.others.map((entry) => entry.text) ?? [];

  it('adds the curators’ groups to the bundled ones and reads them again on reload', () => {
    writeFileSync(file, JSON.stringify({ groups: [['kalio', 'rendang']] }));
    const language = new CuratedSearchLanguage(file);
    expect(othersOf(language, 'kalio')).toEqual(['rendang']);
    expect(othersOf(language, 'marketing')).toContain('pemasaran');

    writeFileSync(file, JSON.stringify({ groups: [['kalio', 'gulai']] }));
    language.reload();
    expect(othersOf(language, 'kalio')).toEqual(['gulai']);
  });

  it.each([
    ['not JSON', '{'],
    ['no groups', '{}'],
    ['a group of one', JSON.stringify({ groups: [['kalio']] })],
    ['an empty entry', JSON.stringify({ groups: [['kalio', ' ']] })],
    ['a non-string entry', JSON.stringify({ groups: [['kalio', 3]] })],
  ])('refuses a file with %s and keeps the groups in force', (_, content) => {
    writeFileSync(file, JSON.stringify({ groups: [['kalio', 'rendang']] }));
    const language = new CuratedSearchLanguage(file);
    writeFileSync(file, content);
    expect(() => language.reload()).toThrow(CuratedSynonymsError);
    expect(othersOf(language, 'kalio')).toEqual(['rendang']);
  });

  it('works without a curators’ file', () => {
    expect(othersOf(new CuratedSearchLanguage(), 'marketing')).toContain('pemasaran');
  });
});
