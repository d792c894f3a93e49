import { isUnsafeUrl, sanitizeMarkdown } from './markdown-sanitizer';

describe('sanitizeMarkdown', () => {
  it('removes script elements with their content', () => {
    expect(sanitizeMarkdown('Halo <script>alert("x")</script>dunia')).toBe('Halo dunia');
  });

  it('removes event handlers but keeps the allowed tag', () => {
    expect(sanitizeMarkdown('<b onclick="steal()">tebal</b>')).toBe('<b>tebal</b>');
    expect(sanitizeMarkdown('<img src="https://contoh.id/a.png" onerror="alert(1)">')).toBe('<img src="https://contoh.id/a.png" />');
  });

  it('drops javascript: hrefs in HTML', () => {
    expect(sanitizeMarkdown('<a href="javascript:alert(1)">klik</a>')).toBe('<a>klik</a>');
  });

  it.each([
    '[klik](javascript:alert(1))',
    '[klik](JavaScript:alert(1))',
    '[klik]( javascript:alert(1))',
    '[klik](java&#115;cript:alert(1))',
    '[klik](<javascript:alert(1)>)',
    '![gambar](data:text/html;base64,PHNjcmlwdD4=)',
    '[klik](vbscript:msgbox)',
  ])('neutralises the Markdown link %s', (markdown) => {
    const result = sanitizeMarkdown(markdown);
    expect(result.toLowerCase()).not.toMatch(/(java|vb)script|data:/);
    expect(result).toContain('](');
  });

  it('replaces the whole unsafe destination, parentheses included', () => {
    expect(sanitizeMarkdown('[klik](javascript:alert(1)) lalu')).toBe('[klik](#) lalu');
  });

  it('neutralises reference-style link definitions', () => {
    expect(sanitizeMarkdown('[a][1]\n\n[1]: javascript:alert(1)')).toBe('[a][1]\n\n[1]: #');
  });

  it('keeps ordinary Markdown intact', () => {
    const markdown = '# Judul\n\n> Kutipan & catatan\n\n- **tebal** dan _miring_\n- [tautan](https://prakerja.go.id/pelatihan?a=1&b=2 "judul")\n\n1. satu';
    expect(sanitizeMarkdown(markdown)).toBe(markdown);
  });

  it('keeps code blocks and spans verbatim', () => {
    const markdown = 'Contoh `<div onclick="x">` HTML:\n\n```html\n<script>if (a < b && c > d) {}</script>\n```\n\nSelesai';
    expect(sanitizeMarkdown(markdown)).toBe(markdown);
  });

  it('drops a script that follows text', () => {
    expect(sanitizeMarkdown('teks <script>x()</script>')).toBe('teks');
  });

  it('keeps a literal < escaped so it can never become a tag', () => {
    expect(sanitizeMarkdown('1 < 2 dan <scr<script>ipt>alert(1)</script>')).not.toMatch(/<script/i);
  });
});

describe('isUnsafeUrl', () => {
  it.each([
    ['https://contoh.id', false],
    ['mailto:a@b.id', false],
    ['/relatif', false],
    ['#bagian', false],
    ['javascript:alert(1)', true],
    ['JAVA\tSCRIPT:alert(1)', true],
    ['data:text/html,x', true],
  ])('%s -> %s', (url, unsafe) => {
    expect(isUnsafeUrl(url)).toBe(unsafe);
  });
});
