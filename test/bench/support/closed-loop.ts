/**
 * Building blocks of the closed-loop benchmark scripts (enroll-bench,
 * quiz-bench): one request in flight per client, against an API started apart.
 */
export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
export const admin = { email: process.env.ADMIN_EMAIL ?? 'admin@example.id', password: process.env.ADMIN_PASSWORD ?? 'admin-password-1' };

/** A numeric `--name value` command-line option. */
export const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

/** One GraphQL call; an answer with errors throws. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** `work` for indexes 0..count-1, `size` at a time. */
export async function inBatches<T>(count: number, size: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => work(start + i)))));
  }
  return results;
}

export interface LatencyFigures {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
const round = (value: number) => Math.round(value * 10) / 10;

/** Throughput and latency percentiles (ms, one decimal) of the requests a round timed. */
export function latencyFigures(latencies: number[], seconds: number): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds: round(seconds),
    throughput: round(sorted.length / seconds),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}
