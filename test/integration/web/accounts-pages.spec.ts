import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

const card = () => String(Math.floor(Math.random() * 9e15) + 1e15);

describe('web pages: /daftar, /masuk, /keluar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const register = async (web: WebClient, overrides: Record<string, string | string[]> = {}) =>
    web.submit('/daftar', '/daftar', {
      displayName: 'Siti Aminah',
      email: `siti-${card()}@contoh.id`,
      password: 'kata-sandi-panjang',
      prakerjaCardNumber: card(),
      interests: ['Pemasaran'],
      otherInterests: 'menjahit, bahasa Jepang',
      ...overrides,
    });

  it('registers a beneficiary with the same validation as the API, errors beside their fields, writing nothing on refusal', async () => {
    const web = new WebClient(t.baseUrl);
    const before = Number((await t.db.query('SELECT count(*) AS n FROM users'))[0].n);
    const refused = await register(web, { prakerjaCardNumber: '1234', email: 'bukan-email' });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('id="prakerjaCardNumber-galat"');
    expect(refused.html).toMatch(/id="email-galat">Tulis alamat email yang benar/);
    expect(refused.html).toContain('aria-invalid="true"');
    expect(refused.html).not.toContain('kata-sandi-panjang');
    expect(Number((await t.db.query('SELECT count(*) AS n FROM users'))[0].n)).toBe(before);

    const email = `siti-${card()}@contoh.id`;
    const created = await register(web, { email });
    expect(created.status).toBe(303);
    expect(created.location).toBe('/?pesan=terdaftar');
    const [user] = await t.db.query('SELECT role, interests FROM users WHERE email = $1', [email]);
    expect(user.role).toBe('BENEFICIARY');
    expect(user.interests).toEqual(['Pemasaran', 'menjahit', 'bahasa Jepang']);
    expect(web.cookie('sesi')).toBeTruthy();

    const again = await register(new WebClient(t.baseUrl), { email });
    expect(again.status).toBe(422);
    expect(again.html).toContain('Email ini sudah terdaftar');
  });

  it('sets an HttpOnly SameSite=Lax session cookie at login and refuses a wrong password beside the form', async () => {
    const email = `budi-${card()}@contoh.id`;
    await register(new WebClient(t.baseUrl), { email });
    const web = new WebClient(t.baseUrl);
    const wrong = await web.submit('/masuk', '/masuk', { email, password: 'salah-sekali-ya', lanjut: '/dompet' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Email atau kata sandi salah.');

    const right = await web.submit('/masuk?lanjut=%2Fdompet', '/masuk', { email, password: 'kata-sandi-panjang', lanjut: '/dompet' });
    expect(right.status).toBe(303);
    expect(right.location).toBe('/dompet');
    const setCookie = right.headers.getSetCookie().find((line) => line.startsWith('sesi='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('never redirects off the site after login', async () => {
    const email = `rina-${card()}@contoh.id`;
    await register(new WebClient(t.baseUrl), { email });
    for (const lanjut of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const web = new WebClient(t.baseUrl);
      const answer = await web.submit('/masuk', '/masuk', { email, password: 'kata-sandi-panjang', lanjut });
      expect(answer.status).toBe(303);
      expect(answer.location!.startsWith('/')).toBe(true);
      expect(answer.location!.startsWith('//')).toBe(false);
    }
  });

  it('refuses a POST without the CSRF token bound to this browser, changing nothing', async () => {
    const web = new WebClient(t.baseUrl);
    await web.get('/daftar');
    const ownToken = web.csrfToken();
    const before = Number((await t.db.query('SELECT count(*) AS n FROM users'))[0].n);
    const forged = await web.post('/daftar', { _csrf: 'forged', displayName: 'X Y', email: `x-${card()}@contoh.id`, password: 'kata-sandi-panjang', prakerjaCardNumber: card() });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('Formulir kedaluwarsa');
    const otherBrowser = new WebClient(t.baseUrl);
    await otherBrowser.get('/daftar');
    const stolen = await otherBrowser.post('/daftar', { _csrf: ownToken, displayName: 'X Y', email: `x-${card()}@contoh.id`, password: 'kata-sandi-panjang', prakerjaCardNumber: card() });
    expect(stolen.status).toBe(403);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM users'))[0].n)).toBe(before);
  });

  it('logs out with a POST: the token stops working at once, also for the API', async () => {
    const web = new WebClient(t.baseUrl);
    await register(web);
    const token = web.cookie('sesi')!;
    expect((await t.gql('{ me { role } }', {}, token)).data!.me.role).toBe('BENEFICIARY');
    expect((await web.get('/keluar')).html).toContain('Keluar juga dari semua perangkat lain');
    const out = await web.post('/keluar', {});
    expect(out.status).toBe(303);
    expect(web.cookie('sesi')).toBeUndefined();
    expect((await t.gql('{ me { role } }', {}, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers unknown pages with the 404 page and keeps the API JSON', async () => {
    const page = await new WebClient(t.baseUrl).get('/tidak-ada');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.html).toContain('Tidak ditemukan');
    const api = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the stylesheet and script under content hashes with a year of caching, compressed', async () => {
    const page = await new WebClient(t.baseUrl).get('/masuk');
    const css = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(page.html)![1];
    const response = await fetch(`${t.baseUrl}${css}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${t.baseUrl}/assets/site.0000000000.css`)).status).toBe(404);
  });
});
