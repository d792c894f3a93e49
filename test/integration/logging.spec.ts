import { Writable } from 'node:stream';
import { beneficiaryInput, createCurator, REGISTER_BENEFICIARY, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

type LogLine = Record<string, any>;

/** Where the app's pino writes, one parsed JSON line per entry. */
class LogCapture extends Writable {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(text);
      this.lines.push(JSON.parse(text) as LogLine);
    }
    done();
  }
}

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

describe('structured logs', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN_ENV, LOG_LEVEL: 'debug' }, undefined, { logDestination: capture });
  });
  afterAll(() => t.close());

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('writes a login request with its request id and operation name, and no password, token or card number', async () => {
    const input = beneficiaryInput();
    const registered = await t.gql(REGISTER_BENEFICIARY, { input });
    const token = registered.data!.registerBeneficiary.accessToken as string;
    const ok = await post({ query: LOGIN, variables: { email: input.email, password: input.password } }, { 'x-request-id': 'login-ok-000001' });
    const accessToken = ((await ok.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const refused = await post({ query: LOGIN, variables: { email: input.email, password: 'wrong-password-999' } }, { 'x-request-id': 'login-bad-000001', authorization: `Bearer ${token}` });
    expect(refused.headers.get('x-request-id')).toBe('login-bad-000001');
    // A card number typed into a free-text field, in a request that fails (so its scrubbed variables are logged).
    await post({ query: REGISTER_BENEFICIARY, variables: { input: { ...beneficiaryInput(), password: 'x', displayName: `kartu ${input.prakerjaCardNumber}` } } });

    const { value: lines } = await pollUntil(async () => {
      const done = capture.lines.filter((line) => line.requestId === 'login-bad-000001');
      return done.some((line) => line.msg === 'request completed') ? done : undefined;
    }, 5_000, 'the refused login to be logged');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['GraphQL errors', 'request completed']));
    for (const line of lines) expect(line.operation).toBe('Login');
    expect(lines.find((line) => line.msg === 'GraphQL errors')).toMatchObject({ codes: ['UNAUTHENTICATED'], variables: { email: input.email, password: '[Redacted]' } });
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
    expect(capture.lines.find((line) => line.requestId === 'login-ok-000001' && line.msg === 'request completed')).toMatchObject({ operation: 'Login' });

    const all = capture.raw.join('\n');
    expect(all).toContain('kartu [Redacted]');
    for (const secret of [input.password, 'wrong-password-999', input.prakerjaCardNumber, token, accessToken, 'test-secret-that-is-long-enough-0123456789']) expect(all).not.toContain(secret);
  });

  it('replaces a malformed X-Request-Id with a generated one, echoed in the response', async () => {
    const response = await post({ query: '{ categories { slug } }' }, { 'x-request-id': 'bad id with spaces' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await pollUntil(async () => (capture.lines.some((line) => line.requestId === id && line.operation === '(anonymous)') ? true : undefined), 5_000, 'the request line');
  });

  it('logs background jobs with their job name and outbox row ids', async () => {
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const module = await publishedModule(t, owner.token, curator.token);
    const [{ id: rowId }] = await t.db.query(`SELECT id::text FROM outbox_events WHERE job = 'sync-module' AND payload->>'moduleId' = $1 ORDER BY id DESC LIMIT 1`, [module.id]);
    const { value: line } = await pollUntil(async () => capture.lines.find((entry) => entry.msg === 'job done' && entry.outboxIds?.includes(rowId)), 10_000, 'the sync job to be logged');
    expect(line).toMatchObject({ job: 'sync-module', context: 'JobHandlers' });
  });
});
