import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A dependency whose state /health reports. Feature modules provide these under HEALTH_INDICATORS. */
export interface HealthIndicator {
  readonly name: string;
  /** Whether the API cannot serve without it (a down required dependency makes /health 503). */
  readonly required: boolean;
  isUp(): Promise<boolean>;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; required: boolean }>;
}

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[] = [],
  ) {}

  async report(): Promise<HealthReport> {
    const database: HealthIndicator = { name: 'database', required: true, isUp: () => this.dataSource.query('SELECT 1').then(() => true) };
    const all = [database, ...this.indicators];
    const states = await Promise.all(all.map((indicator) => withTimeout(indicator.isUp()).catch(() => false)));
    const checks = Object.fromEntries(all.map((indicator, i) => [indicator.name, { status: states[i] ? 'up' : 'down', required: indicator.required }] as const));
    const ok = all.every((indicator, i) => states[i] || !indicator.required);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}

function withTimeout(check: Promise<boolean>): Promise<boolean> {
  return Promise.race([check, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref())]);
}
