import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';

/** A dependency whose state /health reports. Modules register theirs with HealthService.register(). */
export interface HealthIndicator {
  readonly name: string;
  /** Whether the API cannot serve without it (a down required dependency makes /health 503). */
  readonly required: boolean;
  isUp(): Promise<boolean>;
  /** Figures shown beside an up state; `degraded` when it works but needs an operator's eye (never a 503). */
  details?(): Promise<HealthDetails>;
}

export interface HealthDetails {
  degraded: boolean;
  figures: Record<string, number | null>;
}

export type CheckReport = { status: 'up' | 'degraded' | 'down'; required: boolean } & Record<string, number | null | string | boolean>;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckReport>;
  /** The database pool's connections now, and requests waiting for one (the load test samples it). */
  pool: { size: number; idle: number; waiting: number };
}

/** /health/ready's answer: /health's rule (required dependencies up; optional ones only degrade) plus applied migrations. */
export interface ReadinessReport {
  ready: boolean;
  database: 'up' | 'down';
  migrations: 'applied' | 'pending' | 'unknown';
}

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  private readonly indicators: HealthIndicator[] = [];
  /** Once applied, migrations stay applied for this process's life: checked until then only. */
  private migrationsApplied = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.register({ name: 'database', required: true, isUp: () => dataSource.query('SELECT 1').then(() => true) });
  }

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(): Promise<HealthReport> {
    const all = this.indicators;
    const checks = await Promise.all(all.map((indicator) => check(indicator)));
    const ok = all.every((indicator, i) => checks[i].status !== 'down' || !indicator.required);
    return { status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(all.map((indicator, i) => [indicator.name, checks[i]])), pool: this.poolState() };
  }

  async readiness(): Promise<ReadinessReport> {
    const [report, migrations] = await Promise.all([this.report(), this.migrationState()]);
    const database = report.checks.database.status === 'down' ? 'down' : 'up';
    return { ready: report.status === 'ok' && migrations === 'applied', database, migrations };
  }

  private async migrationState(): Promise<ReadinessReport['migrations']> {
    if (this.migrationsApplied) return 'applied';
    const pending = await withTimeout(this.dataSource.showMigrations()).catch(() => undefined);
    if (pending === undefined) return 'unknown';
    this.migrationsApplied = !pending;
    return pending ? 'pending' : 'applied';
  }

  private poolState(): HealthReport['pool'] {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    return { size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }
}

async function check(indicator: HealthIndicator): Promise<CheckReport> {
  const down: CheckReport = { status: 'down', required: indicator.required };
  try {
    if (!(await withTimeout(indicator.isUp()))) return down;
    const details = indicator.details ? await withTimeout(indicator.details()) : undefined;
    if (details === undefined && indicator.details) return down;
    return { status: details?.degraded ? 'degraded' : 'up', required: indicator.required, ...details?.figures };
  } catch {
    return down;
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS).unref())]);
}
