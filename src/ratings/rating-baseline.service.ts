import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a process trusts what it read of rating_mean. */
export const RATING_MEAN_TTL_MS = 60_000;

/**
 * m of Module.ratingScore as rating_mean holds it: the value the search
 * documents were written with, so a score read here and the RATING sort agree.
 * Read at most once per RATING_MEAN_TTL_MS per process.
 */
@Injectable()
export class RatingBaseline {
  private cached: { mean: number | null; readAt: number } | null = null;
  private reading: Promise<number | null> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async mean(): Promise<number | null> {
    if (this.cached && Date.now() - this.cached.readAt < RATING_MEAN_TTL_MS) return this.cached.mean;
    // Concurrent requests share one read.
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** Drops the cached value (after this process moved rating_mean). */
  forget(): void {
    this.cached = null;
  }

  private async read(): Promise<number | null> {
    const [row]: { mean: number | null }[] = await this.dataSource.query(`SELECT mean FROM rating_mean`);
    this.cached = { mean: row?.mean ?? null, readAt: Date.now() };
    return this.cached.mean;
  }
}
