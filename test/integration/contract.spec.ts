import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { printSchema } from 'graphql';
import { startTestApp, TestApp } from '../support/test-app';

const CONTRACT_CHECK = resolve(__dirname, '../../../shared/tools/contract-check.mjs');

describe('the public API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Runs the shared contract check on the emitted SDL, with the given extensions of the contract; returns its missing elements and summary. */
  async function contractCheck(...extensions: string[]) {
    const sdl = printSchema(t.app.get(GraphQLSchemaHost).schema);
    const file = join(mkdtempSync(join(tmpdir(), 'contract-')), 'schema.gql');
    writeFileSync(file, sdl);
    const args = [CONTRACT_CHECK, file, ...extensions.flatMap((extension) => ['--with', resolve(__dirname, '../../../shared/api', extension)])];
    const output = await promisify(execFile)('node', args, { cwd: resolve(__dirname, '../..') })
      .then((result) => result.stdout)
      .catch((error: { stdout: string }) => error.stdout);
    const lines = output.trim().split('\n');
    const summary = lines.pop()!;
    const [present, total] = /^(\d+)\/(\d+) contract elements present$/.exec(summary)!.slice(1);
    return { missing: lines, present, total };
  }

  it('emits every contract element, with the same types, nullability and defaults', async () => {
    expect(existsSync(CONTRACT_CHECK)).toBe(true);
    const { missing, present, total } = await contractCheck();
    expect(missing).toEqual([]);
    expect(present).toBe(total);
  });

  it('emits every element of the revisions extension (revisions.graphql) too', async () => {
    const { missing, present, total } = await contractCheck('revisions.graphql');
    expect(missing).toEqual([]);
    expect(present).toBe(total);
    expect(Number(total)).toBeGreaterThan(Number((await contractCheck()).total));
  });

  it('emits every element of the verified-completion extension (verified-completion.graphql) too', async () => {
    const { missing, present, total } = await contractCheck('verified-completion.graphql');
    expect(missing).toEqual([]);
    expect(present).toBe(total);
    expect(Number(total)).toBeGreaterThan(Number((await contractCheck()).total));
  });
});
