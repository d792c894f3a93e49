import { createWordMatcher, cropAndHighlight, escapeHtml, highlightText } from './highlight';
import { analyzeQuery } from './query-analysis';
import { loadSearchLanguage } from './search-language';

const language = loadSearchLanguage();
const matcherFor = (query: string) => createWordMatcher(analyzeQuery(query, language), language.matchKey);

describe('highlighting', () => {
  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks exact, stem, typo and prefix matches and escapes the rest', () => {
    expect(highlightText('Memasarkan <produk> digital & kewirausahaan', matcherFor('pemasaran digtal kewirau'))).toBe(
      '<mark>Memasarkan</mark> &lt;produk&gt; <mark>digital</mark> &amp; <mark>kewirausahaan</mark>',
    );
  });

  it('does not treat a word as a prefix when the query ends with a space', () => {
    expect(highlightText('kewirausahaan', matcherFor('kewirau '))).toBe('kewirausahaan');
  });

  it('crops to the words around the first match with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `kata${i}`);
    words[40] = 'pemasaran';
    const cropped = cropAndHighlight(words.join(' '), matcherFor('pemasaran'));
    expect(cropped).toBe(`…${words.slice(32, 40).join(' ')} <mark>pemasaran</mark> ${words.slice(41, 62).join(' ')}…`);
  });

  it('crops from the start when nothing matches', () => {
    const text = Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' ');
    expect(cropAndHighlight(text, matcherFor('pemasaran'))).toBe(`${text.split(' ').slice(0, 30).join(' ')}…`);
  });
});

describe('analyzeQuery', () => {
  it('drops stop words and turns synonym phrases into alternatives', () => {
    const clauses = analyzeQuery('jualan yang online', language);
    expect(clauses.map((clause) => clause.alternatives.map((alternative) => alternative.words.map((word) => word.text)))).toEqual([[['jualan']], [['online']]]);

    const [phrase] = analyzeQuery('jualan online', language);
    expect(phrase.alternatives.map((alternative) => alternative.words.map((word) => word.text).join(' '))).toEqual(
      expect.arrayContaining(['jualan online', 'toko online', 'e commerce']),
    );
  });

  it('uses the first ten words that are not stop words, and the tenth is no prefix when more follow', () => {
    const ten = 'kopi teh susu yang roti kue dan gula garam beras jagung sepuluh';
    const clauses = analyzeQuery(`${ten} sebelas`, language);
    expect(clauses).toHaveLength(10);
    const words = clauses.map((clause) => clause.alternatives[0].words.map((word) => word.text).join(' '));
    expect(words).not.toContain('sebelas');
    expect(clauses.flatMap((clause) => clause.alternatives[0].words).some((word) => word.prefix)).toBe(false);
    expect(highlightText('sebelas sepuluh', createWordMatcher(clauses, language.matchKey))).toBe('sebelas <mark>sepuluh</mark>');
  });

  it('never expands a stop word to its synonyms ("bersertifikat" does not ask for "sertifikasi")', () => {
    expect(analyzeQuery('barista bersertifikat', language).map((clause) => clause.alternatives[0].words[0].text)).toEqual(['barista']);
  });

  it('offers two adjacent typed words joined as one more alternative of both', () => {
    const [corel, draw] = analyzeQuery('corel draw', language);
    expect(corel.alternatives.map((alternative) => alternative.words[0].text)).toEqual(['corel', 'coreldraw']);
    expect(draw.alternatives.map((alternative) => alternative.words[0].text)).toEqual(['draw', 'coreldraw']);
  });

  it('returns no clause for a query of stop words only', () => {
    expect(analyzeQuery('yang dan di', language)).toEqual([]);
  });
});
