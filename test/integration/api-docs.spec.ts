import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_ENV } from '../factories/learning';
import { REPO_ROOT } from '../support/commands';
import { pollUntil } from '../support/poll';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** One `graphql` block of docs/api.md with the notes in its leading comments and its `json` variables. */
interface DocumentedOperation {
  name: string;
  query: string;
  variables?: unknown;
  token?: string;
  saves: { name: string; path: string }[];
  until?: string;
  expectedError?: string;
}

const REF = /^\$ref:([A-Za-z0-9_]+)$/;

/** Reads the fenced blocks in order; a `json` block belongs to the `graphql` block before it. */
function documentedOperations(markdown: string): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
  for (const [, language, body] of markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    if (language === 'json') {
      const last = operations[operations.length - 1];
      if (!last || last.variables !== undefined) throw new Error(`A json block without its graphql block before it:\n${body}`);
      last.variables = JSON.parse(body);
      continue;
    }
    if (language !== 'graphql') continue;
    const notes = [...body.matchAll(/^# (.+)$/gm)].map((m) => m[1].trim());
    const operation: DocumentedOperation = { name: /^(?:query|mutation)\s*(\w*)/m.exec(body)?.[1] || body.slice(0, 40), query: body, saves: [] };
    for (const note of notes) {
      let m: RegExpExecArray | null;
      if ((m = /^Authorization: Bearer \$ref:(\w+)$/.exec(note))) operation.token = m[1];
      else if ((m = /^saves: (\w+) = ([\w.]+)$/.exec(note))) operation.saves.push({ name: m[1], path: m[2] });
      else if ((m = /^until: ([\w.]+)$/.exec(note))) operation.until = m[1];
      else if ((m = /^expect error: ([A-Z_]+)$/.exec(note))) operation.expectedError = m[1];
      else throw new Error(`Unknown note "# ${note}" in ${operation.name}`);
    }
    operations.push(operation);
  }
  return operations;
}

const at = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key]), data);

function substitute(value: unknown, saved: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const m = REF.exec(value);
    if (!m) return value;
    if (!saved.has(m[1])) throw new Error(`$ref:${m[1]} is used before an operation saves it`);
    return saved.get(m[1]);
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, saved));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, saved)]));
  return value;
}

const markdown = readFileSync(join(REPO_ROOT, 'docs/api.md'), 'utf8');
const operations = documentedOperations(markdown);

describe('docs/api.md: every operation works as written', () => {
  let t: TestApp;
  const saved = new Map<string, unknown>();
  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
  });
  afterAll(() => t?.close());

  it('documents the flows of every kind of user', () => {
    const names = operations.map((operation) => operation.name);
    for (const expected of ['RegisterContributor', 'CreateModule', 'Submit', 'CreateCurator', 'Queue', 'Approve', 'RegisterBeneficiary', 'Search', 'ModulePage', 'Enroll', 'CompleteLesson', 'SubmitQuiz', 'Rate', 'Report', 'Wallet', 'RecordSpend', 'FreeOptions', 'MyNotifications', 'Verify', 'EditPublished', 'Import', 'OpenReports', 'ResolveReport', 'Unpublish', 'Suspend', 'ChangePassword', 'Logout']) {
      expect(names).toContain(expected);
    }
    expect(operations.filter((operation) => operation.expectedError).length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation, index) => [`${index + 1}. ${operation.name}`, operation] as const))('%s', async (_, operation) => {
    const variables = substitute(operation.variables, saved) as Record<string, unknown> | undefined;
    const token = operation.token === undefined ? undefined : (substitute(`$ref:${operation.token}`, saved) as string);
    const ask = () => t.gql(operation.query, variables, token);
    let response: GraphQLResponse;
    if (operation.until) {
      const until = operation.until;
      ({ value: response } = await pollUntil(
        async () => {
          const answer = await ask();
          if (answer.errors) return answer;
          return at(answer.data, until) !== undefined ? answer : undefined;
        },
        20_000,
        `${operation.name} to answer ${until}`,
      ));
    } else {
      response = await ask();
    }

    if (operation.expectedError) {
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual([operation.expectedError]);
      return;
    }
    expect(response.errors).toBeUndefined();
    for (const { name, path } of operation.saves) {
      const value = at(response.data, path);
      expect([name, value]).toEqual([name, expect.anything()]);
      saved.set(name, value);
    }
  });
});
