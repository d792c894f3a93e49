import { parseOptions, UsageError } from './loadtest-options';

const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('parseOptions', () => {
  it('defaults to 60 s on the shared Redis, and --quick to a short smoke run', () => {
    const full = parseOptions([], env, '/repo');
    expect(full).toMatchObject({ durationSeconds: 60, modules: 20_000, beneficiaries: 300, concurrency: 32, redisUrl: env.REDIS_URL, outDir: '/repo/bench-results' });
    expect(full.fault).toBeUndefined();
    expect(parseOptions(['--quick'], env, '/repo')).toMatchObject({ durationSeconds: 12, modules: 2_000, beneficiaries: 40, concurrency: 8 });
  });

  it('--fault redis uses the run’s own redis-server, 30 s in the middle by default', () => {
    const options = parseOptions(['--fault', 'redis', '--duration', '90'], { DATABASE_URL: env.DATABASE_URL }, '/repo');
    expect(options).toMatchObject({ fault: 'redis', faultSeconds: 30, durationSeconds: 90 });
    expect(options.redisUrl).toBeUndefined();
  });

  it('refuses what it cannot run: an unknown fault, a fault as long as the load, missing settings, bad numbers', () => {
    expect(() => parseOptions(['--fault', 'postgres'], env, '/repo')).toThrow(UsageError);
    expect(() => parseOptions(['--fault', 'redis', '--duration', '30'], env, '/repo')).toThrow(/shorter than --duration/);
    expect(() => parseOptions([], { REDIS_URL: env.REDIS_URL }, '/repo')).toThrow(/DATABASE_URL/);
    expect(() => parseOptions([], { DATABASE_URL: env.DATABASE_URL }, '/repo')).toThrow(/REDIS_URL/);
    expect(() => parseOptions(['--duration', '0'], env, '/repo')).toThrow(/positive whole number/);
    expect(() => parseOptions(['--users'], env, '/repo')).toThrow(/incomplete/);
  });
});
