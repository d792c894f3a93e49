import { Account, createCurator, registerContributor, REGISTER_CONTRIBUTOR, contributorInput } from '../factories/accounts';
import { ADMIN_ENV, enroll, registerBeneficiaryWithCard } from '../factories/learning';
import { lessonInput, moduleInput, publishedModule } from '../factories/modules';
import { unsafeHtmlFindings, unsafeMarkdownFindings } from '../support/html-safety';
import { pollUntil } from '../support/poll';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';
import { XSS_VECTORS } from './data/xss-vectors';

jest.setTimeout(120_000);

/** Fields that return Markdown: checked as HTML and as a careless renderer shows them. Every other string is checked as HTML. */
const MARKDOWN_FIELDS = new Set(['description', 'body', 'comment', 'details']);
const LESSON_FIELDS = 'id title body bodyHtml contentUrl';
const MODULE_FIELDS = `id version title summary skills description descriptionHtml lessons { ${LESSON_FIELDS} }`;
const CREATE = `mutation($input: ModuleInput!) { createModule(input: $input) { ${MODULE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { ${MODULE_FIELDS} } }`;
const MODULES_BY_ID = (ids: string[]) => `{ ${ids.map((id, i) => `m${i}: module(id: "${id}") { ${MODULE_FIELDS} }`).join(' ')} }`;
const MY_MODULES = `query($after: String) { myModules(first: 100, after: $after) { nodes { ${MODULE_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const REPORT = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id details module { id } } }`;
const REPORTS = `query($after: String) { reports(first: 100, after: $after) { nodes { id details resolutionNote module { id } } pageInfo { hasNextPage endCursor } } }`;
const RATE = `mutation($input: RateModuleInput!) { rateModule(input: $input) { id comment } }`;
const REVIEWS = `query($moduleId: ID!) { moduleReviews(moduleId: $moduleId) { id comment author { displayName } } }`;
const EDIT_PUBLISHED = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id version pendingRevision { status description lessons { ${LESSON_FIELDS} } } } }`;
const SEARCH = `query($q: String!) { searchModules(input: { query: $q }) { hits { module { id description descriptionHtml } highlight { title summary } } } }`;

/** A description is 50+ characters: the vector keeps its own paragraph, so block constructs still start a line. */
const describing = (vector: string) => `Deskripsi modul uji keamanan konten kontributor.\n\n${vector}`;
const lessonWith = (vector: string) => lessonInput({ title: 'Pelajaran uji', kind: 'ARTICLE', durationMinutes: 5, contentUrl: null, body: vector });

/** Every unsafe finding in a GraphQL answer, each with its path. */
function findings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const field = path.slice(path.lastIndexOf('.') + 1);
    return (MARKDOWN_FIELDS.has(field) ? unsafeMarkdownFindings(value) : unsafeHtmlFindings(value)).map((finding) => `${path}: ${finding}`);
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findings(item, `${path}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => findings(item, `${path}.${key}`));
  return [];
}

function dataOf<T = Record<string, any>>(response: GraphQLResponse<T>, what: string): T {
  if (response.errors) throw new Error(`${what}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** Runs `work` over items a few at a time (the embedded database runs one statement at a time anyway). */
async function inBatches<T, R>(items: T[], work: (item: T, index: number) => Promise<R>, size = 6): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

async function allPages(t: TestApp, query: string, field: string, token: string): Promise<Record<string, any>[]> {
  const nodes: Record<string, any>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, any> = dataOf(await t.gql(query, { after }, token), field)[field];
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe(`the XSS corpus (${XSS_VECTORS.length} vectors) through every field that takes contributors' text`, () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  /** Module i was created with vector i (description and lesson body), then updated to vector i + 1. */
  let moduleIds: string[];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  it('has at least 100 vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
  });

  it('createModule and updateModule store each vector and answer only safe strings', async () => {
    const created = await inBatches(XSS_VECTORS, (vector) =>
      t.gql(CREATE, { input: moduleInput({ description: describing(vector), lessons: [lessonWith(vector)] }) }, owner.token),
    );
    moduleIds = created.map((response, i) => dataOf(response, `createModule ${i}`).createModule.id);
    expect(created.flatMap((response, i) => findings(response.data, `create[${i}]`))).toEqual([]);

    const updated = await inBatches(created, (response, i) => {
      const module = response.data!.createModule;
      const vector = XSS_VECTORS[(i + 1) % XSS_VECTORS.length];
      return t.gql(UPDATE, { input: { id: module.id, expectedVersion: module.version, description: describing(vector), lessons: [lessonWith(vector)] } }, owner.token);
    });
    expect(updated.flatMap((response, i) => findings(dataOf(response, `updateModule ${i}`), `update[${i}]`))).toEqual([]);

    // Stored as written: the contributor's text is kept, made safe only when served.
    const [stored] = await t.db.query(`SELECT m.description, l.body FROM modules m JOIN lessons l ON l.module_id = m.id WHERE m.id = $1`, [moduleIds[XSS_VECTORS.length - 1]]);
    expect(stored).toEqual({ description: describing(XSS_VECTORS[0]), body: XSS_VECTORS[0] });
    const served = updated[XSS_VECTORS.length - 1].data!.updateModule;
    expect(served.lessons[0].body).toBe('Lihat \\`&lt;img src=x onerror=alert(1)>` ini');
    expect(served.lessons[0].bodyHtml).toBe('<p>Lihat `&lt;img src=x onerror=alert(1)&gt;` ini</p>\n');
  });

  it('module(id) and myModules serve every stored vector safely, as Markdown and as HTML', async () => {
    const byId: Record<string, any>[] = [];
    for (let start = 0; start < moduleIds.length; start += 20) {
      byId.push(...Object.values(dataOf(await t.gql(MODULES_BY_ID(moduleIds.slice(start, start + 20)), {}, owner.token), 'module(id)')));
    }
    const mine = await allPages(t, MY_MODULES, 'myModules', owner.token);
    expect(byId).toHaveLength(XSS_VECTORS.length);
    expect(mine.map((module) => module.id).sort()).toEqual([...moduleIds].sort());
    expect([...findings(byId, 'module'), ...findings(mine, 'myModules')]).toEqual([]);
    expect(byId.every((module) => typeof module.descriptionHtml === 'string' && typeof module.lessons[0].bodyHtml === 'string')).toBe(true);
  });

  it('reportModule stores each vector as details; the reports queue serves them safely', async () => {
    const reported = await inBatches(moduleIds, (moduleId, i) => t.gql(REPORT, { input: { moduleId, reason: 'OTHER', details: XSS_VECTORS[i] } }, owner.token));
    expect(reported.flatMap((response, i) => findings(dataOf(response, `reportModule ${i}`), `report[${i}]`))).toEqual([]);
    const queue = await allPages(t, REPORTS, 'reports', curator.token);
    expect(queue.filter((report) => moduleIds.includes(report.module.id))).toHaveLength(XSS_VECTORS.length);
    expect(findings(queue, 'reports')).toEqual([]);
  });

  it('rateModule stores each vector as a comment (moduleReviews serves it safely); a PUBLISHED module serves vectors safely in public and in its pending revision', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { description: describing(XSS_VECTORS[0]), lessons: [lessonWith(XSS_VECTORS[1])] });
    const learner = await registerBeneficiaryWithCard(t);
    await enroll(t, learner.token, module.id);
    const answers: unknown[] = [];
    // One review per learner and module: each rating replaces the previous comment.
    for (const vector of XSS_VECTORS) {
      answers.push(dataOf(await t.gql(RATE, { input: { moduleId: module.id, rating: 3, comment: vector } }, learner.token), 'rateModule'));
      const reviews = dataOf(await t.gql(REVIEWS, { moduleId: module.id }), 'moduleReviews').moduleReviews;
      expect(reviews).toHaveLength(1);
      answers.push(reviews);
    }
    expect(findings(answers, 'reviews')).toEqual([]);

    // The public paths of a PUBLISHED module: module(id) for anyone, search hits answered from the index documents.
    const anonymous = dataOf(await t.gql(MODULES_BY_ID([module.id])), 'public module').m0;
    expect(anonymous.descriptionHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const { value: hits } = await pollUntil(
      async () => {
        const found = dataOf(await t.gql(SEARCH, { q: 'Deskripsi modul uji keamanan' }), 'search').searchModules.hits;
        return found.some((hit: { module: { id: string } }) => hit.module.id === module.id) ? found : undefined;
      },
      15_000,
      'the published module in search',
    );
    expect(findings([anonymous, hits], 'public')).toEqual([]);

    // An edit of the PUBLISHED module waits as its pending revision, shown to the owner and curators: a sample of the corpus.
    const sample = XSS_VECTORS.filter((_, i) => i < 10 || i % 10 === 0);
    let version = module.version;
    const revisions: unknown[] = [];
    for (const vector of sample) {
      const edit = { id: module.id, expectedVersion: version, description: describing(vector), lessons: [lessonWith(vector)] };
      const edited = dataOf(await t.gql(EDIT_PUBLISHED, { input: edit }, owner.token), 'updateModule (published)').updateModule;
      expect(edited.pendingRevision.status).toBe('IN_REVIEW');
      version = edited.version;
      revisions.push(edited, dataOf(await t.gql(`{ module(id: "${module.id}") { pendingRevision { description lessons { ${LESSON_FIELDS} } } } }`, {}, curator.token), 'revision'));
    }
    expect(findings(revisions, 'revision')).toEqual([]);
  });

  it('plain-text fields refuse markup (BAD_USER_INPUT on the field); whatever they accept is served as text', async () => {
    const answers = await inBatches(XSS_VECTORS, (vector) =>
      t.gql(
        CREATE,
        { input: moduleInput({ title: `Judul ${vector}`.slice(0, 120), summary: `Ringkasan modul uji: ${vector}`.slice(0, 300), skills: [`k ${vector}`.slice(0, 40)], lessons: [{ ...lessonWith('isi'), title: `L ${vector}`.slice(0, 120) }] }) },
        owner.token,
      ),
    );
    answers.forEach((answer, i) => {
      if (answer.errors) {
        expect({ vector: XSS_VECTORS[i], code: errorCode(answer) }).toEqual({ vector: XSS_VECTORS[i], code: 'BAD_USER_INPUT' });
        expect(answer.errors[0].extensions.fields!.every(({ message }) => /plain text|characters/.test(message))).toBe(true);
      }
    });
    const refused = answers.filter((answer) => answer.errors).length;
    expect(refused).toBeGreaterThan(XSS_VECTORS.length / 2);
    const script = answers[XSS_VECTORS.indexOf('<script>alert(1)</script>')];
    expect(script.errors![0].extensions.fields!.map(({ field }) => field).sort()).toEqual(['lessons.0.title', 'skills', 'summary', 'title']);
    expect(findings(answers.map((answer) => answer.data), 'plain')).toEqual([]);

    const account = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ displayName: '<img src=x onerror=alert(1)>', kind: 'ORGANIZATION', organizationName: '<svg onload=alert(1)>', bio: '<script>alert(1)</script>' }) });
    expect(errorCode(account)).toBe('BAD_USER_INPUT');
    expect(account.errors![0].extensions.fields!.map(({ field }) => field).sort()).toEqual(['bio', 'displayName', 'organizationName']);
  });
});
