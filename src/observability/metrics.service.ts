import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OperationLabels } from './operation-labels';

export const METRIC_PREFIX = 'dm_';
/** Distinct operation names with their own series; the rest share "(other)". */
const OPERATION_NAME_CAP = 100;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A figure read on scrape: the gauge's collect() awaits it. */
export type ScrapeCollector = (gauge: Gauge<string>) => Promise<void>;

/**
 * The application's metrics, in a registry of its own (not prom-client's
 * global one), so several apps in one process (the tests) never collide.
 */
export class MetricsService {
  readonly registry = new Registry();
  readonly operations = new OperationLabels(OPERATION_NAME_CAP);

  readonly graphqlRequests = new Counter({
    name: `${METRIC_PREFIX}graphql_requests_total`,
    help: 'GraphQL requests answered, by operation name and outcome (ok: no errors; error: at least one)',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: `${METRIC_PREFIX}graphql_request_duration_seconds`,
    help: 'Time from the request reaching GraphQL to its response, by operation name',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: `${METRIC_PREFIX}graphql_errors_total`,
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  readonly searchDuration = new Histogram({
    name: `${METRIC_PREFIX}search_duration_seconds`,
    help: 'Time the search engine took to answer a search, by engine (in-process or meilisearch)',
    labelNames: ['engine'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  /** A gauge whose value is read when /metrics is scraped. */
  scrapeGauge(name: string, help: string, labelNames: string[], collect: ScrapeCollector): Gauge<string> {
    return new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
