import { unsafeHtmlFindings, unsafeMarkdownFindings } from '../../../test/support/html-safety';
import { XSS_VECTORS } from '../../../test/integration/data/xss-vectors';
import { LINK_REL, renderMarkdownHtml } from './render-html';
import { sanitizeMarkdown } from './safe-markdown';
import { isSafeUrl } from './safe-url';

const ESCAPED_BACKTICK = 'Lihat \\`<img src=x onerror=alert(1)>` ini';
const FENCE_WITH_BACKTICK_INFO = '```a`b\n<img src=x onerror=alert(1)>\n```';

describe('renderMarkdownHtml', () => {
  it.each([ESCAPED_BACKTICK, FENCE_WITH_BACKTICK_INFO])('shows the bypasses of issue 9 as text: %j', (source) => {
    const html = renderMarkdownHtml(source);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(unsafeHtmlFindings(html)).toEqual([]);
  });

  it('prints raw HTML as text', () => {
    expect(renderMarkdownHtml('a <b onclick="x()">tebal</b>')).toBe('<p>a &lt;b onclick="x()"&gt;tebal&lt;/b&gt;</p>\n');
  });

  it('renders ordinary Markdown, links with rel', () => {
    const html = renderMarkdownHtml('# Judul\n\n- **tebal** dan _miring_\n- [tautan](https://prakerja.go.id/?a=1&b=2 "judul")\n\n```js\nif (a < b) {}\n```');
    expect(html).toBe(
      '<h1>Judul</h1>\n<ul>\n<li><strong>tebal</strong> dan <em>miring</em></li>\n' +
        `<li><a href="https://prakerja.go.id/?a=1&amp;b=2" title="judul" rel="${LINK_REL}">tautan</a></li>\n</ul>\n` +
        '<pre><code>if (a &lt; b) {}\n</code></pre>\n',
    );
  });

  it.each(['[klik](javascript:alert(1))', '[klik](JaVa&#x53;cript:alert(1))', '[klik](<java\tscript:alert(1)>)', '[klik](data:image/png;base64,AAA)', '[klik][x]\n\n[x]: vbscript:x'])(
    'makes no link of an unsafe destination: %j',
    (source) => {
      expect(renderMarkdownHtml(source)).not.toContain('<a');
    },
  );

  it('serves images as links to them, labelled with their alternative text', () => {
    expect(renderMarkdownHtml('![Diagram alur](https://contoh.id/a.png "judul")')).toBe(
      `<p><a href="https://contoh.id/a.png" title="judul" rel="${LINK_REL}">Diagram alur</a></p>\n`,
    );
    expect(renderMarkdownHtml('![](https://contoh.id/a.png)')).toContain('>gambar</a>');
    expect(renderMarkdownHtml('[![logo](https://contoh.id/a.png)](https://contoh.id)')).toBe(`<p><a href="https://contoh.id" rel="${LINK_REL}">logo</a></p>\n`);
  });

  it.each(XSS_VECTORS)('renders corpus vector %j to safe HTML', (source) => {
    expect(unsafeHtmlFindings(renderMarkdownHtml(source))).toEqual([]);
  });
});

describe('sanitizeMarkdown', () => {
  it('escapes the < of the escaped-backtick bypass, wherever a parser puts it', () => {
    expect(sanitizeMarkdown(ESCAPED_BACKTICK)).toBe('Lihat \\`&lt;img src=x onerror=alert(1)>` ini');
    expect(sanitizeMarkdown(FENCE_WITH_BACKTICK_INFO)).toBe('```a`b\n&lt;img src=x onerror=alert(1)>\n```');
  });

  it('keeps a < that cannot open a tag', () => {
    expect(sanitizeMarkdown('1 < 2 dan `a<5`')).toBe('1 < 2 dan `a<5`');
  });

  it('replaces unsafe destinations found by the parser, parentheses and brackets included', () => {
    expect(sanitizeMarkdown('[klik](javascript:alert(1)) lalu')).toBe('[klik](#) lalu');
    expect(sanitizeMarkdown('[klik](<:javascript> "t")')).toBe('[klik](# "t")');
    expect(sanitizeMarkdown('[a][1]\n\n[1]: java&#115;cript:alert(1) "t"')).toBe('[a][1]\n\n[1]: # "t"');
    expect(sanitizeMarkdown('![g](data:image/png;base64,AAA)')).toBe('![g](#)');
  });

  it('serves a long text with an unsafe destination without link syntax, at a bounded cost', () => {
    const long = `${'Teks pelatihan yang panjang. '.repeat(400)}\n\n[klik](javascript:alert(1)) dan [aman](https://contoh.id)`;
    const safe = sanitizeMarkdown(long);
    expect(safe).not.toMatch(/[[\]]/);
    expect(safe).toContain('&#91;klik&#93;(javascript:alert(1))');
    expect(sanitizeMarkdown(safe)).toBe(safe);
  });

  it('leaves link-like text inside code alone', () => {
    const source = 'Contoh: `[klik](javascript:alert(1))`\n\n```\n[x]: javascript:y\n```';
    expect(sanitizeMarkdown(source)).toBe(source);
  });

  it('keeps ordinary Markdown exactly as written', () => {
    const source = '# Judul\n\n> Kutipan & catatan\n\n- **tebal** dan _miring_\n- [tautan](https://prakerja.go.id/pelatihan?a=1&b=2 "judul")\n- <mailto-less> ![g](/relatif.png)\n\n1. satu';
    expect(sanitizeMarkdown(source)).toBe(source.replace('<mailto-less>', '&lt;mailto-less>'));
  });

  it.each(XSS_VECTORS)('serves corpus vector %j as Markdown safe to read as HTML and to render carelessly', (source) => {
    const served = sanitizeMarkdown(source);
    expect(unsafeMarkdownFindings(served)).toEqual([]);
    expect(sanitizeMarkdown(served)).toBe(served);
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://contoh.id', true],
    ['HTTP://contoh.id', true],
    ['mailto:a@b.id', true],
    ['/relatif', true],
    ['#bagian', true],
    ['halaman?x=a:b', true],
    ['javascript:alert(1)', false],
    ['JAVA\tSCRIPT:alert(1)', false],
    [' \u0001javascript:alert(1)', false],
    ['&#106;avascript:alert(1)', false],
    ['java\\script:alert(1)', false],
    ['data:image/png;base64,AAA', false],
    ['vbscript:x', false],
    ['tel:+62', false],
  ])('%j -> %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
