import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvironment } from '../../src/config/app-config';
import { REPO_ROOT } from '../support/commands';
import { startTestApp, TestApp } from '../support/test-app';

// js-yaml comes with Jest (istanbul); Docker cannot run on this machine, so parsing is what can be checked.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load(text: string): unknown };

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string | string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}

const DEPLOY = join(REPO_ROOT, 'docs/deploy');
const compose = load(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8')) as { services: Record<string, ComposeService> };
const services = compose.services;
const settingNames = new Set([...readFileSync(join(REPO_ROOT, 'src/config/app-config.ts'), 'utf8').matchAll(/^ {2}([A-Z][A-Z0-9_]+)\??(?::|\s=)/gm)].map((m) => m[1]));
const sampleSecrets: Record<string, string> = Object.fromEntries(
  readFileSync(join(DEPLOY, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
/** ${NAME:?message} and ${NAME:-default} as docker compose substitutes them from the .env file. */
const substituted = (value: string) => value.replace(/\$\{([A-Z_]+)(?::[?-]([^}]*))?\}/g, (_, name: string) => sampleSecrets[name] ?? '');

describe('docs/deploy: the compose file, its proxy and its image (parsed: Docker does not run here)', () => {
  it('has PostgreSQL 15, Redis with AOF and noeviction, Meilisearch at the minimum version, API replicas, workers and a proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'meilisearch', 'migrate', 'postgres', 'proxy', 'redis', 'worker']);
    expect(services.postgres.image).toBe('postgres:15');
    const redis = (services.redis.command as string[]).join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    const minimum = /Meilisearch (\d+\.\d+\.\d+) or later/.exec(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'))![1];
    expect(services.meilisearch.image).toBe(`getmeili/meilisearch:v${minimum}`);
    expect(services.api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.api.command).toEqual(['node', 'dist/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/src/worker.js']);
    expect(services.worker.image).toBe(services.api.image);
    // Migrations once, before the replicas, which would otherwise race to apply them.
    expect(services.migrate.command).toEqual(['node', 'dist/src/cli.js', 'migrate']);
    expect(services.api.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(services.api.build).toEqual({ context: '../..', dockerfile: 'docs/deploy/Dockerfile' });
  });

  it('sets only settings the API reads, and a configuration it accepts in production', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const environment = services[name].environment!;
      expect(Object.keys(environment).filter((key) => !settingNames.has(key))).toEqual([]);
      const values = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, substituted(String(value))]));
      expect(values).toMatchObject({ NODE_ENV: 'production', WORKERS: 'false', SEED_DEMO: 'false', TRUST_PROXY: '1', REDIS_URL: 'redis://redis:6379', MEILI_URL: 'http://meilisearch:7700' });
      expect(() => parseEnvironment(values)).not.toThrow();
    }
  });

  it('lets through the proxy exactly the largest body the API accepts, trusts one proxy hop and hides /metrics', () => {
    const nginx = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');
    const megabytes = Number(/client_max_body_size (\d+)m;/.exec(nginx)![1]);
    expect(megabytes * 1024 * 1024).toBe(Number(services.api.environment!.IMPORT_BODY_LIMIT_BYTES));
    expect(Number(services.api.environment!.REQUEST_BODY_LIMIT_BYTES)).toBeLessThan(megabytes * 1024 * 1024);
    // One hop, which overwrites the client's X-Forwarded-For: TRUST_PROXY=1 then reads the real address.
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(nginx).not.toContain('$proxy_add_x_forwarded_for');
    // Prometheus scrapes the replicas inside the network; the public proxy does not route /metrics.
    expect(nginx).toMatch(/location \/metrics \{\s*return 404;\s*\}/);
  });

  it('builds the image in stages with npm ci and runs it as a non-root user', () => {
    const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main.js"\]$/m);
  });

  describe('the API healthcheck', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('asks a path the API answers 200 on when it is ready', async () => {
      const probe = services.api.healthcheck!.test.join(' ');
      const path = /http:\/\/127\.0\.0\.1:3000(\/[a-z/]+)/.exec(probe)![1];
      expect(path).toBe('/health/ready');
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(services.proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    });
  });
});
