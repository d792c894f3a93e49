import { request } from 'node:http';
import { parse } from 'parse5';
import { SEARCH_ENGINE, SearchEngine, SearchUnavailableError } from '../../../src/search/search-engine.port';
import { Account, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV } from '../../factories/learning';
import { publishedModule } from '../../factories/modules';
import { MeilisearchTestDouble } from '../../search/meilisearch-test-double';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

jest.setTimeout(180_000);

interface Node { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string }

const elements = (root: Node): Node[] => [root, ...(root.childNodes ?? []).flatMap(elements)].filter((node) => node.tagName);
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));
const byId = (html: string, id: string) => elements(parse(html) as unknown as Node).find((node) => attr(node, 'id') === id);

/** The cards of the results region: title, title link and summary. */
function cards(html: string) {
  const results = byId(html, 'hasil');
  if (!results) throw new Error('no #hasil on the page');
  return elements(results)
    .filter((node) => node.tagName === 'li' && attr(node, 'class') === 'card')
    .map((card) => {
      const heading = elements(card).find((node) => node.tagName === 'h3')!;
      const link = elements(heading).find((node) => node.tagName === 'a')!;
      const summary = elements(card).find((node) => node.tagName === 'p')!;
      return { title: text(link), href: attr(link, 'href')!, titleNode: link, summaryNode: summary };
    });
}

/** Every element inside highlighted title links and summaries: only <mark>, without attributes. */
const highlightTags = (html: string) =>
  cards(html).flatMap((card) => [...elements(card.titleNode).slice(1), ...elements(card.summaryNode).slice(1)]).map((node) => `${node.tagName}${node.attrs?.length ? ' with attributes' : ''}`);

const linksOf = (html: string) => elements(parse(html) as unknown as Node).filter((node) => node.tagName === 'a').map((node) => ({ text: text(node).trim(), href: attr(node, 'href')! }));
const checked = (html: string) =>
  elements(parse(html) as unknown as Node).filter((node) => node.tagName === 'input' && attr(node, 'type') === 'checkbox' && node.attrs?.some((a) => a.name === 'checked')).map((node) => `${attr(node, 'name')}=${attr(node, 'value')}`);

/** The page's script elements: only the site's one deferred asset. */
const scripts = (html: string) => elements(parse(html) as unknown as Node).filter((node) => node.tagName === 'script').map((node) => attr(node, 'src') ?? `inline: ${text(node)}`);

/** Bytes on the wire with gzip accepted (fetch would decompress). */
function compressedSize(url: string): Promise<{ status: number; bytes: number; encoding?: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode!, bytes, encoding: response.headers['content-encoding'] }));
    }).on('error', reject).end();
  });
}

async function waitIndexed(t: TestApp, ids: string[]): Promise<void> {
  const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
  await pollUntil(async () => {
    const indexed = await engine.indexedVersions();
    return ids.every((id) => indexed.has(id)) ? true : undefined;
  }, 30_000, 'the published modules to be indexed');
}

/** Titles and summaries are plain text (no '<' before a letter), but may still hold what HTML treats specially. */
const HOSTILE_TITLE = 'Budidaya Lele < 5 kg & "aman" &lt;script&gt;alert(1)&lt;/script&gt;';
const HOSTILE_SUMMARY = "Belajar budidaya lele <3 & 'aman' &amp; <=> di kolam terpal untuk pemula.";
/** Markup an index could hold (written before the plain-text rule, or by another writer). */
const RAW_TITLE = 'Budidaya Lele <script>alert(1)</script> <img src=x onerror=alert(2)>';
const RAW_SUMMARY = 'Belajar budidaya lele <b onmouseover=alert(3)>tebal</b> di kolam terpal untuk pemula.';

describe('web page: / (Beranda / Cari)', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  const published: { id: string; slug: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    const publish = async (override: Record<string, unknown>) => published.push(await publishedModule(t, owner.token, curator.token, override));
    await publish({ title: 'Budidaya Lele Bioflok di Pekarangan', summary: 'Panduan budidaya lele bioflok untuk pemula dengan modal kecil.', categorySlug: 'pertanian-perikanan', skills: ['budidaya lele'] });
    await publish({ title: 'Analisis Data Lanjutan dengan Spreadsheet', level: 'ADVANCED', priceIdr: 1, categorySlug: 'teknologi-informasi', skills: ['spreadsheet'] });
    await publish({ title: HOSTILE_TITLE, summary: HOSTILE_SUMMARY, categorySlug: 'pertanian-perikanan', skills: ['budidaya lele'] });
    // 23 published in all: more than one page of 20.
    for (let i = 0; i < 20; i++) await publish({});
    await waitIndexed(t, published.map((module) => module.id));
  });
  afterAll(async () => t?.close());

  it('finds a module through a typo, its title and summary highlighted with <mark> only', async () => {
    const page = await new WebClient(t.baseUrl).get('/?q=budidya+lelle');
    expect(page.status).toBe(200);
    const found = cards(page.html);
    const lele = found.find((card) => card.title === 'Budidaya Lele Bioflok di Pekarangan');
    expect(lele).toBeDefined();
    expect(lele!.href).toBe(`/modul/${published[0].slug}`);
    expect(elements(lele!.titleNode).some((node) => node.tagName === 'mark')).toBe(true);
    expect(new Set(highlightTags(page.html))).toEqual(new Set(['mark']));
    expect(page.html).toContain('untuk “budidya lelle”');
    expect(byId(page.html, 'q') && attr(byId(page.html, 'q')!, 'value')).toBe('budidya lelle');
  });

  it('narrows results by the filters kept in the URL, with counts, and checks the chosen ones', async () => {
    const all = await new WebClient(t.baseUrl).get('/');
    expect(all.html).toMatch(/Mahir \(1\)/);
    expect(all.html).toMatch(/Rp1 \(1\)/);

    const advanced = await new WebClient(t.baseUrl).get('/?tingkat=mahir');
    expect(advanced.status).toBe(200);
    expect(cards(advanced.html).map((card) => card.title)).toEqual(['Analisis Data Lanjutan dengan Spreadsheet']);
    expect(checked(advanced.html)).toEqual(['tingkat=mahir']);

    const fish = await new WebClient(t.baseUrl).get('/?kategori=pertanian-perikanan&harga=gratis');
    const titles = cards(fish.html).map((card) => card.title);
    expect(titles).toHaveLength(2);
    expect(titles).toContain('Budidaya Lele Bioflok di Pekarangan');
    expect(checked(fish.html).sort()).toEqual(['harga=gratis', 'kategori=pertanian-perikanan']);
    // The filter form is a GET form to / that refreshes #hasil and the counts live.
    const form = elements(parse(fish.html) as unknown as Node).find((node) => node.tagName === 'form' && attr(node, 'action') === '/')!;
    expect(attr(form, 'method')).toBe('get');
    expect(attr(form, 'data-live')).toBe('#hasil,#saring');
  });

  it('browses the whole catalogue on an empty query, 20 a page with previous and next links keeping the filters', async () => {
    const first = await new WebClient(t.baseUrl).get('/?urut=terbaru');
    expect(first.status).toBe(200);
    expect(first.html).toContain('23 modul tersedia');
    expect(cards(first.html)).toHaveLength(20);
    const next = linksOf(first.html).find((link) => link.text.startsWith('Berikutnya'));
    expect(next?.href).toBe('/?urut=terbaru&halaman=2');
    expect(linksOf(first.html).some((link) => link.text.endsWith('Sebelumnya'))).toBe(false);

    const second = await new WebClient(t.baseUrl).get(next!.href);
    expect(cards(second.html)).toHaveLength(3);
    expect(second.html).toContain('Halaman 2 dari 2');
    expect(linksOf(second.html).find((link) => link.text.endsWith('Sebelumnya'))?.href).toBe('/?urut=terbaru');
    const slugs = [...cards(first.html), ...cards(second.html)].map((card) => card.href);
    expect(new Set(slugs).size).toBe(23);

    const past = await new WebClient(t.baseUrl).get('/?halaman=9');
    expect(past.status).toBe(200);
    expect(past.html).toContain('Halaman ini kosong');
  });

  it('suggests what to try when nothing matches, with a link that keeps the words and drops the filters', async () => {
    const page = await new WebClient(t.baseUrl).get('/?q=lele&tingkat=mahir&harga=rp1');
    expect(page.status).toBe(200);
    expect(cards(page.html)).toHaveLength(0);
    expect(page.html).toContain('Tidak ada modul untuk “lele”');
    expect(page.html).toContain('periksa ejaannya');
    expect(linksOf(page.html).find((link) => link.text === 'hapus semua saringan')?.href).toBe('/?q=lele');
    // The chosen filters stay visible (count 0) so they can be unchosen.
    expect(checked(page.html).sort()).toEqual(['harga=rp1', 'tingkat=mahir']);
  });

  it('never fails on hostile query strings and never reflects markup', async () => {
    const web = new WebClient(t.baseUrl);
    const long = await web.get(`/?q=${'lele'.repeat(2000)}`);
    expect(long.status).toBe(400);
    expect(byId(long.html, 'q-galat') && text(byId(long.html, 'q-galat')!)).toContain('Paling banyak 200 karakter');

    const unknown = await web.get('/?tingkat=SANGAT_MAHIR&urut=acak&harga=5&sertifikat=mungkin&halaman=abc&q=lele');
    expect(unknown.status).toBe(400);
    for (const id of ['tingkat-galat', 'urut-galat', 'harga-galat', 'sertifikat-galat']) expect(byId(unknown.html, id)).toBeDefined();
    expect(unknown.html).toContain('Nomor halaman tidak sah');
    // The valid rest still searches.
    expect(cards(unknown.html).some((card) => card.title === 'Budidaya Lele Bioflok di Pekarangan')).toBe(true);

    for (const path of ['/?q=a&q=b', '/?q[x]=1&kategori[y]=2', '/?urut=relevan&urut=terbaru', '/?halaman=-1', '/?halaman=99999999999', `/?kategori=${'x,'.repeat(60)}`,
      `/?${Array.from({ length: 60 }, () => 'tingkat=pemula').join('&')}`, '/?q=%ED%A0%80', '/?bahasa=%3Cscript%3E', '/?kategori=%22%3E%3Csvg%20onload%3Dalert(1)%3E']) {
      const answer = await web.get(path);
      expect([200, 400]).toContain(answer.status);
      expect(scripts(answer.html)).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]+\.js$/)]);
      expect(answer.html).not.toMatch(/<svg|<script>/i);
    }

    const script = await web.get(`/?q=${encodeURIComponent('<script>alert(1)</script> lele')}`);
    expect(script.status).toBe(200);
    expect(scripts(script.html)).toHaveLength(1);
    expect(script.html).toContain('&lt;script>alert(1)&lt;/script> lele');
    expect(attr(byId(script.html, 'q')!, 'value')).toBe('<script>alert(1)</script> lele');
  });

  it('shows contributor text in highlights as escaped text, with <mark> as the only markup', async () => {
    const page = await new WebClient(t.baseUrl).get('/?q=lele+terpal');
    const hostile = cards(page.html).find((card) => card.href === `/modul/${published[2].slug}`)!;
    expect(hostile.title).toBe(HOSTILE_TITLE);
    expect(text(hostile.summaryNode)).toBe(HOSTILE_SUMMARY);
    expect(new Set(highlightTags(page.html))).toEqual(new Set(['mark']));
    expect(scripts(page.html)).toHaveLength(1);
  });

  it('answers 503 with the search box and a friendly message while the search engine is down', async () => {
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const search = engine.search;
    engine.search = () => Promise.reject(new SearchUnavailableError('engine down (test)'));
    try {
      const page = await new WebClient(t.baseUrl).get('/?q=lele&tingkat=pemula');
      expect(page.status).toBe(503);
      expect(page.html).toContain('Pencarian sedang tidak bisa dipakai');
      expect(attr(byId(page.html, 'q')!, 'value')).toBe('lele');
    } finally {
      engine.search = search;
    }
  });

  it('stays within 30 KB transferred with 20 results (compressed HTML, CSS and JS)', async () => {
    const page = await compressedSize(`${t.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.encoding).toBe('gzip');
    const html = (await new WebClient(t.baseUrl).get('/')).html;
    expect(cards(html)).toHaveLength(20);
    const [css] = /\/assets\/site\.[0-9a-f]+\.css/.exec(html)!;
    const [js] = /\/assets\/site\.[0-9a-f]+\.js/.exec(html)!;
    const assets = await Promise.all([compressedSize(`${t.baseUrl}${css}`), compressedSize(`${t.baseUrl}${js}`)]);
    const total = page.bytes + assets[0].bytes + assets[1].bytes;
    console.info(`search page transfer: HTML ${page.bytes} B + CSS ${assets[0].bytes} B + JS ${assets[1].bytes} B = ${total} B (gzip)`);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});

describe('web page: / on the Meilisearch adapter', () => {
  let t: TestApp;
  let meili: MeilisearchTestDouble;
  let hostile: { id: string; slug: string };

  beforeAll(async () => {
    meili = new MeilisearchTestDouble();
    t = await startTestApp({ ...ADMIN_ENV, MEILI_URL: await meili.start() });
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    hostile = await publishedModule(t, owner.token, curator.token, { title: HOSTILE_TITLE, summary: HOSTILE_SUMMARY, categorySlug: 'pertanian-perikanan' });
    await waitIndexed(t, [hostile.id]);
  });
  afterAll(async () => {
    await t?.close();
    await meili?.stop();
  });

  it('escapes markup in highlights even when Meilisearch answers with raw HTML, and shows an uncounted total as a lower bound', async () => {
    // Meilisearch's own _formatted copies are not escaped, and an index may hold markup: the page must show either as text. Past its count bound the total is a lower bound.
    const realMultiSearch = (meili as unknown as { multiSearch(body: unknown): { results: Record<string, any>[] } }).multiSearch.bind(meili);
    const inflated = (body: unknown) => {
      meili.multiSearchResponse = undefined;
      try {
        const { results } = realMultiSearch(body);
        return { results: results.map((result) => ({ ...result, totalHits: 1000, hits: result.hits.map((hit: Record<string, unknown>) => ({ ...hit, title: RAW_TITLE, summary: RAW_SUMMARY, _formatted: { title: RAW_TITLE, summary: RAW_SUMMARY } })) })) };
      } finally {
        meili.multiSearchResponse = inflated;
      }
    };
    meili.multiSearchResponse = inflated;
    const page = await new WebClient(t.baseUrl).get('/?q=lele');
    meili.multiSearchResponse = undefined;
    expect(page.status).toBe(200);
    const card = cards(page.html).find((found) => found.href === `/modul/${hostile.slug}`)!;
    expect(card.title).toBe(RAW_TITLE);
    expect(text(card.summaryNode)).toBe(RAW_SUMMARY);
    expect(new Set(highlightTags(page.html))).toEqual(new Set(['mark']));
    expect(scripts(page.html)).toHaveLength(1);
    expect(page.html).not.toMatch(/<img|<b /);
    expect(page.html).toContain('1.000+ modul untuk “lele”');
  });
});
