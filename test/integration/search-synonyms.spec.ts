import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCurator, registerContributor, Account } from '../factories/accounts';
import { adminToken } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { hits { module { id } } } }`;

describe('curated synonyms (SEARCH_SYNONYMS_FILE, read again on every reindex)', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let directory: string;
  let synonymsFile: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'dm-synonyms-'));
    synonymsFile = join(directory, 'synonyms.json');
    writeFileSync(synonymsFile, JSON.stringify({ groups: [] }));
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1', SEARCH_SYNONYMS_FILE: synonymsFile });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const hitIds = async (query: string) => {
    const res = await t.gql(SEARCH, { input: { query } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id) as string[];
  };

  const reindex = async (token: string) => {
    const started = await t.gql(`mutation { reindexSearch { id } }`, {}, token);
    const { value } = await pollUntil(async () => {
      const job = await t.gql(`query($id: ID!) { reindexJob(id: $id) { state } }`, { id: started.data!.reindexSearch.id }, token);
      const state = job.data!.reindexJob.state as string;
      return state === 'SUCCEEDED' || state === 'FAILED' ? state : undefined;
    }, 10_000, 'the reindex job to end');
    return value;
  };

  it('applies a group added to the file at the next reindex; an invalid file fails the reindex and keeps the groups in force', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Memasak Rendang Padang untuk Usaha Warung' });
    await pollUntil(async () => ((await hitIds('rendang')).includes(module.id) ? true : undefined), 2_000, 'the module in search');
    expect(await hitIds('kalio')).toEqual([]);

    writeFileSync(synonymsFile, JSON.stringify({ groups: [['kalio', 'rendang']] }));
    expect(await hitIds('kalio')).toEqual([]);
    const token = await adminToken(t);
    expect(await reindex(token)).toBe('SUCCEEDED');
    expect(await hitIds('kalio')).toEqual([module.id]);

    writeFileSync(synonymsFile, JSON.stringify({ groups: [['kalio']] }));
    expect(await reindex(token)).toBe('FAILED');
    expect(await hitIds('kalio')).toEqual([module.id]);
  });
});
