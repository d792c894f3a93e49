import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, enroll, FREE_OPTIONS, recordSpend, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('freeOptionsForMe', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  const ids: Record<string, string> = {};

  const topics: [string, Record<string, unknown>][] = [
    ['lele', { title: 'Budidaya Ikan Lele Sistem Bioflok', summary: 'Belajar budidaya lele di kolam terpal dengan sistem bioflok untuk usaha rumahan.', categorySlug: 'pertanian-perikanan', skills: ['budidaya lele', 'bioflok'] }],
    ['leleBerbayar', { title: 'Bisnis Lele Skala Besar Bersertifikat', summary: 'Budidaya lele skala besar untuk pengusaha perikanan, dengan sertifikat.', categorySlug: 'pertanian-perikanan', skills: ['budidaya lele'], priceIdr: 1 }],
    ['logo', { title: 'Desain Logo dengan Aplikasi Gratis', summary: 'Membuat desain logo usaha sendiri memakai aplikasi desain gratis di ponsel.', categorySlug: 'desain-multimedia', skills: ['desain logo', 'tipografi'] }],
    ['anyaman', { title: 'Kerajinan Anyaman Bambu untuk Pemula', summary: 'Membuat keranjang dan tas dari anyaman bambu untuk dijual di pasar lokal.', categorySlug: 'kerajinan-seni', skills: ['anyaman bambu', 'kerajinan tangan'] }],
    ['rajut', { title: 'Merajut Tas Tali Kur untuk Dijual', summary: 'Teknik dasar merajut tas dari tali kur, lengkap dengan cara menentukan harga jual.', categorySlug: 'kerajinan-seni', skills: ['merajut', 'kerajinan tangan'] }],
    ['kopi', { title: 'Meracik Kopi Susu Kekinian', summary: 'Resep dan teknik meracik kopi susu gula aren untuk usaha kedai kopi kecil.', categorySlug: 'makanan-minuman', skills: ['barista', 'kopi'] }],
  ];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    for (const [key, override] of topics) ids[key] = (await publishedModule(t, owner.token, curator.token, override)).id;
    // Wait until the search index holds every published module.
    await pollUntil(
      async () => {
        const res = await t.gql(`{ searchModules(input: { query: "", pageSize: 100 }) { totalHits } }`);
        return res.data?.searchModules.totalHits === topics.length ? true : undefined;
      },
      10_000,
      'the modules in the search index',
    );
  });
  afterAll(() => t.close());

  const options = async (token: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(FREE_OPTIONS, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.freeOptionsForMe as { creditExhausted: boolean; balanceIdr: number; modules: { id: string; priceIdr: number; status: string }[] };
  };

  it('ranks free modules by the interests first, never a paid one, with the balance from the ledger', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: ['budidaya lele'] });
    const result = await options(beneficiary.token);
    expect(result).toMatchObject({ creditExhausted: false, balanceIdr: 1_000_000 });
    expect(result.modules[0].id).toBe(ids.lele);
    expect(result.modules.map((m) => m.id)).not.toContain(ids.leleBerbayar);
    expect(result.modules.every((m) => m.priceIdr === 0 && m.status === 'PUBLISHED')).toBe(true);
    // The same data gives the same order.
    expect((await options(beneficiary.token)).modules).toEqual(result.modules);
  });

  it('puts the like text first, and excludes modules the beneficiary is enrolled in', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: ['budidaya lele'] });
    expect((await options(beneficiary.token, { like: 'desain logo usaha' })).modules[0].id).toBe(ids.logo);
    await enroll(t, beneficiary.token, ids.lele);
    const after = await options(beneficiary.token);
    expect(after.modules.map((m) => m.id)).not.toContain(ids.lele);
    expect(after.modules).toHaveLength(topics.length - 2);
  });

  it("follows the categories and skills of past enrollments when there are no interests", async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: [] });
    await enroll(t, beneficiary.token, ids.anyaman);
    const result = await options(beneficiary.token, { first: 2 });
    expect(result.modules.map((m) => m.id)).toEqual([ids.rajut, expect.any(String)]);
    expect(result.modules.map((m) => m.id)).not.toContain(ids.anyaman);
  });

  it('reports an exhausted credit', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const spent = await recordSpend(t, await adminToken(t), beneficiary.card, 1_000_000, `all-of-it-${beneficiary.id}`);
    expect(spent.errors).toBeUndefined();
    expect(await options(beneficiary.token, { first: 1 })).toMatchObject({ creditExhausted: true, balanceIdr: 0, modules: [expect.anything()] });
  });

  it('refuses other roles and bad arguments', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    expect(errorCode(await t.gql(FREE_OPTIONS, {}, owner.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(FREE_OPTIONS, {}))).toBe('UNAUTHENTICATED');
    for (const variables of [{ first: 0 }, { first: 101 }, { like: 'x'.repeat(201) }]) {
      const res = await t.gql(FREE_OPTIONS, variables, beneficiary.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual([Object.keys(variables)[0]]);
    }
  });
});
