/**
 * Where the API's memory is, after each scenario: RSS (from /proc), and from
 * its Prometheus /metrics the V8 heap and the memory outside it ("external":
 * Buffers and WebAssembly memories, which in embedded mode is mostly PGlite's
 * heap). RSS is also polled while each scenario runs, for its peak.
 */
export interface MemorySample {
  /** What had just run. */
  after: string;
  rssMiB: number;
  /** Highest RSS polled since the previous sample. */
  peakRssMiB: number;
  heapUsedMiB?: number;
  heapTotalMiB?: number;
  externalMiB?: number;
}

const MiB = 2 ** 20;
const POLL_MS = 1_000;
const SERIES = { heapUsedMiB: 'nodejs_heap_size_used_bytes', heapTotalMiB: 'nodejs_heap_size_total_bytes', externalMiB: 'nodejs_external_memory_bytes' } as const;

export class ApiMemory {
  readonly samples: MemorySample[] = [];
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly api: { metricsUrl: string; metricsToken: string; rssBytes(): Promise<number> },
  ) {
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  /** Records the API's memory now, after `after`; a failed scrape leaves the V8 figures out, an API gone the whole sample. */
  async sample(after: string): Promise<void> {
    const rss = await this.api.rssBytes().catch(() => undefined);
    if (rss === undefined) return;
    const sample: MemorySample = { after, rssMiB: rss / MiB, peakRssMiB: Math.max(this.peak, rss) / MiB };
    this.peak = 0;
    const exposition = await this.scrape().catch(() => '');
    for (const [field, name] of Object.entries(SERIES) as [keyof typeof SERIES, string][]) {
      const value = seriesValue(exposition, name);
      if (value !== undefined) sample[field] = value / MiB;
    }
    this.samples.push(sample);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    const rss = await this.api.rssBytes().catch(() => 0);
    this.peak = Math.max(this.peak, rss);
  }

  private async scrape(): Promise<string> {
    const response = await fetch(this.api.metricsUrl, { headers: { authorization: `Bearer ${this.api.metricsToken}` } });
    if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
    return response.text();
  }
}

/** The value of an unlabelled series in a Prometheus exposition, whatever the prefix of its name. */
export function seriesValue(exposition: string, name: string): number | undefined {
  const match = new RegExp(`^(?:[a-zA-Z_:][\\w:]*_)?${name}\\s+(\\S+)`, 'm').exec(exposition);
  return match ? Number(match[1]) : undefined;
}
