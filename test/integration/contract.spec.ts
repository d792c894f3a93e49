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

  it('emits every contract element, with the same types, nullability and defaults', async () => {
    expect(existsSync(CONTRACT_CHECK)).toBe(true);
    const sdl = printSchema(t.app.get(GraphQLSchemaHost).schema);
    const file = join(mkdtempSync(join(tmpdir(), 'contract-')), 'schema.gql');
    writeFileSync(file, sdl);
    const output = await promisify(execFile)('node', [CONTRACT_CHECK, file], { cwd: resolve(__dirname, '../..') })
      .then((result) => result.stdout)
      .catch((error: { stdout: string }) => error.stdout);
    const lines = output.trim().split('\n');
    const summary = lines.pop()!;
    expect(lines).toEqual([]);
    const [present, total] = /^(\d+)\/(\d+) contract elements present$/.exec(summary)!.slice(1);
    expect(present).toBe(total);
  });
});
