/** Order statistics of samples (nearest-rank percentiles). */

export interface LatencySummary {
  count: number;
  /** Arithmetic mean (NaN without samples). */
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentileOfSorted(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const sample of sorted) sum += sample;
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentileOfSorted(Float64Array.from(values).sort(), 0.5);
}

/** The median of each numeric field over several rounds. */
export function medianOfRounds<T extends object>(rounds: readonly T[]): T {
  const result: Record<string, number> = {};
  for (const key of Object.keys(rounds[0] ?? {})) {
    result[key] = median(rounds.map((round) => (round as Record<string, number>)[key]));
  }
  return result as T;
}
