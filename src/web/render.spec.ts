import { proseHtml } from './render';

describe('proseHtml', () => {
  it('moves contributor headings below the heading the content sits under', () => {
    expect(proseHtml('<h1>Judul</h1>\n<p>isi</p>\n<h2>Bagian</h2>', 2).__html).toBe('<h3>Judul</h3>\n<p>isi</p>\n<h4>Bagian</h4>');
  });

  it('stops at h6, and leaves text that merely mentions a heading tag alone', () => {
    expect(proseHtml('<h4>a</h4><h6>b</h6><p>&lt;h1&gt;</p>', 3).__html).toBe('<h6>a</h6><h6>b</h6><p>&lt;h1&gt;</p>');
  });
});
