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
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; required: boolean }>;
  /** The database pool's connections now, and requests waiting for one (the load test samples it). */
  pool: { size: number; idle: number; waiting: number };
}

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  private readonly indicators: HealthIndicator[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.register({ name: 'database', required: true, isUp: () => dataSource.query('SELECT 1').then(() => true) });
  }

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(): Promise<HealthReport> {
    const all = this.indicators;
    const states = await Promise.all(all.map((indicator) => withTimeout(indicator.isUp()).catch(() => false)));
    const checks = Object.fromEntries(all.map((indicator, i) => [indicator.name, { status: states[i] ? 'up' : 'down', required: indicator.required }] as const));
    const ok = all.every((indicator, i) => states[i] || !indicator.required);
    return { status: ok ? 'ok' : 'unavailable', checks, pool: this.poolState() };
  }

  private poolState(): HealthReport['pool'] {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    return { size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }
}

function withTimeout(check: Promise<boolean>): Promise<boolean> {
  return Promise.race([check, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref())]);
}
