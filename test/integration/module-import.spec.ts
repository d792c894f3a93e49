import { registerContributor, registerBeneficiary, countRows } from '../factories/accounts';
import { moduleInput } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

const IMPORT = `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id state total processed createdModuleIds failures { index field message } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { state total processed createdModuleIds failures { index field } } }`;

describe('importModules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates the valid items as DRAFTs in the background and reports each invalid one', async () => {
    const owner = await registerContributor(t);
    const items = [
      moduleInput({ title: 'Impor Modul Pertama tentang Akuntansi' }),
      moduleInput({ priceIdr: 5 }),
      moduleInput({ title: 'Impor Modul Kedua tentang Akuntansi' }),
      moduleInput({ categorySlug: 'tidak-ada', title: 'Kategori yang tidak dikenal' }),
      moduleInput({ title: 'Impor Modul Pertama tentang Akuntansi' }),
    ];
    const res = await t.gql(IMPORT, { items }, owner.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importModules).toMatchObject({ total: 5, failures: [{ index: 1, field: 'priceIdr' }, { index: 3, field: 'categorySlug' }] });

    const done = await pollUntil(async () => {
      const job = await t.gql(JOB, { id: res.data!.importModules.id }, owner.token);
      return job.data!.importJob.state === 'SUCCEEDED' ? job.data!.importJob : undefined;
    }, 10_000, 'the import to finish');
    expect(done.value.processed).toBe(5);
    expect(done.value.createdModuleIds).toHaveLength(3);
    const rows = await t.db.query(`SELECT status, slug, contributor_id FROM modules WHERE id = ANY($1) ORDER BY slug`, [done.value.createdModuleIds]);
    expect(rows.every((row: { status: string; contributor_id: string }) => row.status === 'DRAFT' && row.contributor_id === owner.id)).toBe(true);
    expect(new Set(rows.map((row: { slug: string }) => row.slug)).size).toBe(3);
    const mine = await t.gql(`{ myModules(status: DRAFT) { totalCount } }`, {}, owner.token);
    expect(mine.data!.myModules.totalCount).toBe(3);
  });

  it('refuses a lesson id in an imported item (a new module has no lessons to keep)', async () => {
    const owner = await registerContributor(t);
    const withId = moduleInput();
    withId.lessons[1].id = '5f0c7a43-2a6e-4d0b-9d8e-6f1a2b3c4d5e';
    const res = await t.gql(IMPORT, { items: [moduleInput(), withId] }, owner.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importModules.failures).toEqual([{ index: 1, field: 'lessons.1.id', message: 'is not a lesson of this module' }]);
  });

  it('accepts the 5,000 items the contract allows in one request, and refuses 5,001', async () => {
    const owner = await registerContributor(t);
    const items = Array.from({ length: 5_000 }, (_, i) => moduleInput({ title: `Modul Impor Massal Nomor ${i + 1}`, priceIdr: 7 }));
    const res = await t.gql(IMPORT, { items }, owner.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importModules).toMatchObject({ total: 5_000, processed: 5_000, state: 'SUCCEEDED', createdModuleIds: [] });
    expect(errorCode(await t.gql(IMPORT, { items: [...items, items[0]] }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('refuses other roles, empty lists and other owners', async () => {
    const owner = await registerContributor(t);
    const other = await registerContributor(t);
    const beneficiary = await registerBeneficiary(t);
    const before = await countRows(t.db);
    expect(errorCode(await t.gql(IMPORT, { items: [moduleInput()] }, beneficiary.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(IMPORT, { items: [] }, owner.token))).toBe('BAD_USER_INPUT');
    expect(await countRows(t.db)).toEqual(before);
    const started = await t.gql(IMPORT, { items: [moduleInput({ priceIdr: 3 })] }, owner.token);
    expect(started.data!.importModules.state).toBe('SUCCEEDED');
    expect(errorCode(await t.gql(JOB, { id: started.data!.importModules.id }, other.token))).toBe('NOT_FOUND');
  });
});
