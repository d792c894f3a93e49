import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerContributor } from '../factories/accounts';
import { startChild } from '../support/child-app';
import { REPO_ROOT } from '../support/commands';
import { startTestApp, TestApp } from '../support/test-app';

const COURSES = join(REPO_ROOT, '..', 'shared', 'data', 'prakerja-isw2023', 'courses.csv');
const USAGE_LINE = /^usage: npm run cli -- COMMAND/m;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/cli.ts in a child process (through @swc-node/register, no build), with `input` on its stdin. */
function cli(args: string[], env: Record<string, string | undefined>, input = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO_ROOT, 'src/cli.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, JWT_SECRET: 'cli-test-secret-0123456789-abcdefghijklmn', SEED_DEMO: 'false', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

const MODULE_HEADER = 'title,summary,description,category,skills,level,language,deliveryMode,priceIdr,certificate,lessons';
const LESSONS = '"[{""title"":""Pengantar"",""kind"":""ARTICLE"",""durationMinutes"":20}]"';
function moduleRow(title: string, { category = 'teknologi-informasi', price = '0' } = {}): string {
  return `"${title}",Ringkasan modul yang cukup panjang,"Deskripsi modul yang cukup panjang untuk lolos aturan lima puluh karakter.",${category},Excel;Rumus,BEGINNER,id,SELF_PACED,${price},false,${LESSONS}`;
}

describe('operator CLI against DATABASE_URL', () => {
  let t: TestApp;
  let dir: string;
  let email: string;
  let contributorId: string;
  let env: Record<string, string | undefined>;

  const owned = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM modules WHERE contributor_id = $1) AS modules,
              (SELECT count(*)::int FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.contributor_id = $1) AS lessons,
              (SELECT count(*)::int FROM import_jobs WHERE owner_id = $1) AS jobs`,
      [contributorId],
    );
    return row as { modules: number; lessons: number; jobs: number };
  };
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'cli-'));
    email = `importir-${Date.now()}@example.id`;
    contributorId = (await registerContributor(t, { email })).id;
    env = { DATABASE_URL: t.databaseUrl, DATABASE_POOL_SIZE: '2', REDIS_URL: process.env.REDIS_URL, DATA_DIR: dir };
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints usage and exits 2 on missing or wrong arguments', async () => {
    for (const args of [[], ['bogus'], ['import'], ['import', 'x.csv'], ['import', 'x.txt', '--contributor', email], ['outbox-retry'], ['outbox-retry', '--id', 'x'], ['migrate', 'extra'], ['create-admin', 'not-an-email', '--password-stdin']]) {
      const result = await cli(args, env);
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).toMatch(USAGE_LINE);
      expect(result.stdout).toBe('');
    }
  });

  it('fails with one line and exit 1', async () => {
    const result = await cli(['import', COURSES, '--contributor', 'nobody@example.id'], env);
    expect([result.code, lines(result.stderr)]).toEqual([1, ['error: no contributor account nobody@example.id: register it first']]);
  });

  it('migrates (nothing pending on a migrated database)', async () => {
    const result = await cli(['migrate'], env);
    expect([result.code, result.stdout.trim()]).toEqual([0, 'No pending migrations']);
  });

  it('creates an admin with the password from stdin, never from an argument', async () => {
    const admin = `operator-${Date.now()}@example.id`;
    const created = await cli(['create-admin', admin, '--password-stdin'], env, 'kata-sandi-admin-1\n');
    expect([created.code, created.stdout.trim()]).toEqual([0, `Admin ${admin}: created`]);
    const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }`, { e: admin, p: 'kata-sandi-admin-1' });
    expect(login.data?.login.user.role).toBe('ADMIN');
    expect((await cli(['create-admin', admin, '--password-stdin'], env, 'kata-sandi-admin-1\n')).stdout.trim()).toBe(`Admin ${admin}: unchanged`);

    const noTerminal = await cli(['create-admin', admin], env);
    expect([noTerminal.code, lines(noTerminal.stderr)[0]]).toEqual([2, 'error: no terminal to prompt for the password: pass it on stdin with --password-stdin']);
    const short = await cli(['create-admin', admin, '--password-stdin'], env, 'pendek\n');
    expect([short.code, lines(short.stderr)]).toEqual([1, ['error: the password must be at least 10 characters']]);
    const contributor = await cli(['create-admin', email, '--password-stdin'], env, 'kata-sandi-admin-1\n');
    expect([contributor.code, lines(contributor.stderr)]).toEqual([1, [`error: ${email} belongs to a CONTRIBUTOR account; choose another address`]]);
  });

  it('refuses bad files whole, writing nothing', async () => {
    const before = await owned();
    const tooMany = file('too-many.json', JSON.stringify(Array.from({ length: 5_001 }, (_, i) => ({ title: `Modul nomor ${i}` }))));
    const malformed = file('malformed.csv', `${MODULE_HEADER}\n"Judul tanpa tutup kutip,a,b\n`);
    const wrongColumns = file('columns.csv', `judul,harga\nSesuatu,0\n`);
    const latin1 = file('latin1.csv', Buffer.concat([Buffer.from(`${MODULE_HEADER}\n`), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from('\n')]));
    const cases: [string, RegExp][] = [
      [tooMany, /^error: .*too-many\.json holds 5001 modules; an import holds at most 5000: split the file$/],
      [malformed, /^error: malformed CSV: .*quote/i],
      [wrongColumns, /^error: unknown column\(s\) judul, harga; expected title,/],
      [latin1, /^error: .*latin1\.csv is not UTF-8 text/],
    ];
    for (const [path, message] of cases) {
      const result = await cli(['import', path, '--contributor', email], env);
      expect([path, result.code, lines(result.stderr).length]).toEqual([path, 1, 1]);
      expect(result.stderr.trim()).toMatch(message);
    }
    expect(await owned()).toEqual(before);
  });

  it('reports every bad row (row, field, message) and imports nothing unless --skip-invalid', async () => {
    const before = await owned();
    const path = file(
      'rows.csv',
      `\uFEFF${MODULE_HEADER}\n${moduleRow('Rumus Excel untuk Admin Kantor')}\n${moduleRow('rumus excel untuk admin  kantor')}\n${moduleRow('Harga yang Tidak Boleh', { price: '5' })}\n${moduleRow('Kategori yang Tidak Ada', { category: 'nope' })}\n`,
    );
    const refused = await cli(['import', path, '--contributor', email], env);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      'row 3: title: same title as row 2',
      'row 4: priceIdr: priceIdr must be 0 or 1',
      "row 5: categorySlug: unknown category 'nope'",
      'error: 3 of 4 rows are invalid; nothing imported (--skip-invalid imports the valid rows)',
    ]);
    expect(await owned()).toEqual(before);

    const report = join(dir, 'errors.csv');
    const skipped = await cli(['import', path, '--contributor', email, '--skip-invalid', '--errors', report], env);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^Imported 1 modules as DRAFTs of .*; 3 invalid rows skipped$/m);
    expect(readFileSync(report, 'utf8').split('\n')[1]).toBe('3,"title","same title as row 2"');
    const after = await owned();
    expect([after.modules - before.modules, after.lessons - before.lessons]).toEqual([1, 1]);
    const [module] = await t.db.query(`SELECT title, status FROM modules WHERE contributor_id = $1 ORDER BY created_at DESC LIMIT 1`, [contributorId]);
    expect(module).toEqual({ title: 'Rumus Excel untuk Admin Kantor', status: 'DRAFT' });
  });

  it("imports Prakerja's 266 real listings as DRAFTs of the contributor, one lesson each", async () => {
    const before = await owned();
    const result = await cli(['import', COURSES, '--contributor', email], env);
    expect([result.code, result.stderr.match(/^error.*/m)]).toEqual([0, null]);
    expect(result.stdout).toMatch(/^Imported 266 modules as DRAFTs of importir-.*SUCCEEDED/m);
    const after = await owned();
    expect([after.modules - before.modules, after.lessons - before.lessons]).toEqual([266, 266]);
    const [statuses] = await t.db.query(`SELECT array_agg(DISTINCT status) AS statuses, max(length(title))::int AS longest, min(price_idr)::int AS price FROM modules WHERE contributor_id = $1`, [contributorId]);
    expect(statuses).toEqual({ statuses: ['DRAFT'], longest: expect.any(Number), price: 0 });
    expect(statuses.longest).toBeLessThanOrEqual(120);
  });

  it('shows the outbox and retries a given-up row', async () => {
    const [{ id }] = await t.db.query(`INSERT INTO outbox_events (job, payload, failed_at, attempts, last_error) VALUES ('notify', '{}', now(), 8, 'boom') RETURNING id`);
    const status = await cli(['outbox-status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^pending: \d+$/m);
    expect(status.stdout).toMatch(/^oldest pending: (-|\d+ s)$/m);
    expect(status.stdout).toMatch(/^given up: [1-9]\d*$/m);
    expect(status.stdout).toMatch(new RegExp(`^  #${id} notify after 8 attempt\\(s\\), .*: boom$`, 'm'));
    const unknown = await cli(['outbox-retry', '--id', '999999999'], env);
    expect([unknown.code, lines(unknown.stderr)]).toEqual([1, ['error: outbox row 999999999 has not given up (or does not exist); nothing retried']]);
    const retried = await cli(['outbox-retry', '--id', String(id)], env);
    expect([retried.code, retried.stdout.trim()]).toEqual([0, `Retrying 1 given-up outbox row(s): ${id}.`]);
    const [row] = await t.db.query(`SELECT retries FROM outbox_events WHERE id = $1`, [id]);
    expect(row.retries).toBe(1);
  });

  it('seeds the demo catalogue once, refusing a database that holds modules', async () => {
    await t.db.query(`DELETE FROM lessons WHERE module_id IN (SELECT id FROM modules WHERE contributor_id = $1)`, [contributorId]);
    await t.db.query(`DELETE FROM modules WHERE contributor_id = $1`, [contributorId]);
    const seeded = await cli(['seed-demo'], env);
    expect(seeded.code).toBe(0);
    const [, count] = /^Loaded the demo catalogue: (\d+) published modules$/m.exec(seeded.stdout) ?? [];
    const [{ published }] = await t.db.query(`SELECT count(*)::int AS published FROM modules WHERE status = 'PUBLISHED'`);
    expect(published).toBe(Number(count));
    expect(published).toBeGreaterThan(100);
    const again = await cli(['seed-demo'], env);
    expect([again.code, lines(again.stderr)]).toEqual([1, ['error: the database already holds modules; seed-demo loads the demo catalogue into an empty catalogue only']]);
  });
});

describe('operator CLI on the embedded defaults (no DATABASE_URL)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-embedded-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the API holds the data directory, then imports the real listings once it is stopped', async () => {
    const embedded = { DATA_DIR: dir, DATABASE_URL: undefined, REDIS_URL: undefined, MEILI_URL: undefined };
    const api = await startChild('src/main.ts', embedded);
    const email = `pglite-${Date.now()}@example.id`;
    const { token } = await registerContributor(api.client, { email });
    try {
      const clash = await cli(['outbox-status'], embedded);
      expect([clash.code, lines(clash.stderr)]).toEqual([1, [`error: the API is running on DATA_DIR=${dir} (pid ${api.pid}): stop it, or set DATABASE_URL`]]);
      const second = await cli(['migrate'], embedded);
      expect(second.code).toBe(1);
    } finally {
      api.kill('SIGTERM');
      await api.exited;
    }

    const reindex = await cli(['reindex'], embedded);
    expect([reindex.code, lines(reindex.stderr).length]).toEqual([1, 1]);
    expect(reindex.stderr).toMatch(/^error: reindex needs DATABASE_URL: on the embedded defaults the search index lives inside the API process/);

    const imported = await cli(['import', COURSES, '--contributor', email], embedded);
    expect([imported.code, imported.stderr.match(/^error.*/m)]).toEqual([0, null]);
    expect(imported.stdout).toMatch(/^Imported 266 modules as DRAFTs of pglite-/m);

    const restarted = await startChild('src/main.ts', embedded);
    try {
      const mine = await restarted.client.gql(`{ myModules(status: DRAFT, first: 1) { totalCount } }`, {}, token);
      expect(mine.data?.myModules.totalCount).toBe(266);
    } finally {
      restarted.kill('SIGTERM');
      await restarted.exited;
    }
  }, 240_000);
});
