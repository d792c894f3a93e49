import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, Beneficiary, enroll, FREE_OPTIONS, registerBeneficiaryWithCard, waitForNotification } from '../factories/learning';
import { createModule, publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const UNPUBLISH = `mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Dicabut sementara oleh kurator") { status } }`;
const SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr creditExhausted } }`;

/** Free options that fit what was bought: OR-semantics relevance, Rp1 once exhausted, near-duplicates and popular-unrelated last. */
describe('free options that fit what the beneficiary bought', () => {
  let t: TestApp;
  let admin: string;
  let curator: Account;
  const ids: Record<string, string> = {};

  const text = (title: string, summary: string, categorySlug: string, skills: string[], priceIdr = 0) => ({
    title,
    summary,
    description: `${summary} Disusun oleh relawan, dengan latihan di setiap bab.`,
    categorySlug,
    skills,
    priceIdr,
  });
  const catalogue: [string, ReturnType<typeof text>][] = [
    ['englishConversation', text('Bahasa Inggris Percakapan Sehari-hari', 'Percakapan bahasa Inggris dasar untuk bekerja.', 'bahasa-asing', ['bahasa inggris'])],
    ['englishCopy', text('Bahasa Inggris Percakapan Sehari-hari', 'Kelas percakapan bahasa Inggris yang sama, dari relawan lain.', 'bahasa-asing', ['bahasa inggris'])],
    ['englishFrontOffice', text('Cepat Cakap Inggris Khusus Front Office', 'Menyapa tamu dan menjawab telepon dalam bahasa Inggris.', 'bahasa-asing', ['bahasa inggris'])],
    ['englishWaiterRp1', text('Bahasa Inggris untuk Pramusaji', 'Mencatat pesanan tamu dalam bahasa Inggris.', 'bahasa-asing', ['bahasa inggris'], 1)],
    ['waiter', text('Melayani Tamu Restoran dengan Ramah', 'Cara pelayan restoran menyambut dan melayani tamu.', 'makanan-minuman', ['pelayanan restoran'])],
    ['makeup', text('Dasar Tata Rias Wajah', 'Merias wajah untuk acara sehari-hari.', 'gaya-hidup-kecantikan', ['tata rias'])],
    ['hydroponics', text('Budidaya Sayur Hidroponik', 'Menanam sayur tanpa tanah di pekarangan sempit.', 'pertanian-perikanan', ['hidroponik'])],
    ['photography', text('Fotografi Produk dengan Ponsel', 'Memotret produk jualan dengan cahaya alami.', 'desain-multimedia', ['fotografi produk'])],
    ['bookkeeping', text('Pembukuan Sederhana Warung', 'Mencatat kas masuk dan keluar warung.', 'keuangan-akuntansi', ['pembukuan'])],
  ];
  const english = () => [ids.englishConversation, ids.englishCopy, ids.englishFrontOffice];
  const related = () => [...english(), ids.waiter];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await adminToken(t);
    curator = await createCurator(t);
    const owner = await registerContributor(t);
    for (const [key, input] of catalogue) ids[key] = (await publishedModule(t, owner.token, curator.token, input)).id;
    // Never offered: a draft and a module taken down, both titled exactly like the course bought.
    ids.draft = (await createModule(t, owner.token, text('Bahasa Inggris untuk Pelayan Restoran dan Kafe', 'Draf yang belum ditinjau.', 'bahasa-asing', ['bahasa inggris']))).id;
    ids.takenDown = (await publishedModule(t, owner.token, curator.token, text('Bahasa Inggris Pelayan Restoran Kafe', 'Modul yang kemudian dicabut.', 'bahasa-asing', ['bahasa inggris']))).id;
    expect((await t.gql(UNPUBLISH, { id: ids.takenDown }, curator.token)).data!.unpublishModule.status).toBe('UNPUBLISHED');
    // The make-up module is the most popular of the shelf, and unrelated to English or restaurants.
    for (let i = 0; i < 2; i++) await enroll(t, (await registerBeneficiaryWithCard(t)).token, ids.makeup);
    await pollUntil(
      async () => {
        const res = await t.gql(`{ searchModules(input: { query: "", pageSize: 100 }) { totalHits hits { module { id enrollmentCount } } } }`);
        const makeup = res.data?.searchModules.hits.find((hit: { module: { id: string } }) => hit.module.id === ids.makeup);
        return res.data?.searchModules.totalHits === catalogue.length && makeup?.module.enrollmentCount === 2 ? true : undefined;
      },
      10_000,
      'the published modules and their enrollment counts in the search index',
    );
  });
  afterAll(() => t.close());

  const options = async (who: Beneficiary, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(FREE_OPTIONS, { first: 20, ...variables }, who.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.freeOptionsForMe as { creditExhausted: boolean; modules: { id: string; priceIdr: number; status: string }[] };
  };
  const spend = async (who: Beneficiary, amountIdr: number, reference: string, courseTitle?: string) => {
    const res = await t.gql(SPEND, { input: { prakerjaCardNumber: who.card, amountIdr, reference, courseTitle } }, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.recordCreditSpend;
  };

  it('CREDIT_EXHAUSTED: an English course for restaurant staff bought → English modules first, the Rp1 one included, then the restaurant one and the interest; never the enrolled, the draft, the taken down or a twin title', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: ['fotografi'] });
    await enroll(t, beneficiary.token, ids.englishFrontOffice);
    // An earlier spend names the course; the spend that exhausts the credit does not: the earlier title still counts.
    await spend(beneficiary, 400_000, `english-${beneficiary.card}`, 'Bahasa Inggris untuk Pelayan Restoran dan Kafe');
    expect(await spend(beneficiary, 600_000, `rest-${beneficiary.card}`)).toEqual({ balanceIdr: 0, creditExhausted: true });

    const { moduleIds, message } = await waitForNotification(t, beneficiary.token, 'CREDIT_EXHAUSTED');
    expect(moduleIds).toHaveLength(5);
    // English first: the Rp1 one (its fee waived) and one copy of the twin titles; then the restaurant one and the interest; popularity last.
    const [firstTwo, nextTwo] = [moduleIds.slice(0, 2), moduleIds.slice(2, 4)];
    expect(firstTwo).toContain(ids.englishWaiterRp1);
    expect(firstTwo.filter((id) => id === ids.englishConversation || id === ids.englishCopy)).toHaveLength(1);
    expect(nextTwo.sort()).toEqual([ids.waiter, ids.photography].sort());
    expect(moduleIds[4]).toBe(ids.makeup);
    expect(moduleIds).not.toContain(ids.englishFrontOffice);
    expect(moduleIds).not.toContain(ids.draft);
    expect(moduleIds).not.toContain(ids.takenDown);
    expect(message).toContain('Bahasa Inggris');
  });

  it('offers Rp1 modules once the credit is exhausted, and not before', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: [] });
    const before = await options(beneficiary, { like: 'Bahasa Inggris untuk Pramusaji' });
    expect(before.creditExhausted).toBe(false);
    expect(before.modules.map((m) => m.id)).not.toContain(ids.englishWaiterRp1);
    expect(before.modules.every((m) => m.priceIdr === 0 && m.status === 'PUBLISHED')).toBe(true);

    await spend(beneficiary, 1_000_000, `all-${beneficiary.card}`);
    const after = await options(beneficiary, { like: 'Bahasa Inggris untuk Pramusaji' });
    expect(after.creditExhausted).toBe(true);
    expect(after.modules[0].id).toBe(ids.englishWaiterRp1);
    expect(after.modules.every((m) => m.priceIdr <= 1 && m.status === 'PUBLISHED')).toBe(true);
    expect(after.modules.map((m) => m.id)).not.toContain(ids.draft);
    expect(after.modules.map((m) => m.id)).not.toContain(ids.takenDown);
  });

  it('matches a long like text by some of its words (OR semantics), lists every related module before the popular unrelated one, and a second copy of a title last', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: [] });
    const { modules } = await options(beneficiary, { like: 'Bahasa Inggris Percakapan untuk Pelayan Restoran dan Kafe di Hotel Berbintang' });
    const order = modules.map((m) => m.id);
    const position = (id: string) => order.indexOf(id);
    // Near-identical titles: one copy first, the other one last of all.
    const [firstCopy, secondCopy] = [ids.englishConversation, ids.englishCopy].sort((a, b) => position(a) - position(b));
    expect(position(firstCopy)).toBe(0);
    expect(position(secondCopy)).toBe(order.length - 1);
    // No module holds every word, yet every related one is offered, before the popular make-up module.
    const distinct = related().filter((id) => id !== secondCopy);
    for (const id of distinct) expect(position(id)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...distinct.map(position))).toBeLessThan(position(ids.makeup));
    // Paid (Rp1) modules are not offered while the credit lasts.
    expect(order).not.toContain(ids.englishWaiterRp1);
  });

  it('follows the course bought when no like text is given', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: ['hidroponik'] });
    await spend(beneficiary, 300_000, `bought-${beneficiary.card}`, 'Pembukuan Keuangan Warung dan Toko Kelontong');
    const { modules } = await options(beneficiary, { first: 2 });
    expect(modules.map((m) => m.id)).toEqual([ids.bookkeeping, ids.hydroponics]);
  });
});
