import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from './metrics.service';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** GET /metrics in Prometheus text format; behind `Authorization: Bearer METRICS_TOKEN` when that is set. */
@Controller('metrics')
export class MetricsController {
  /** Compared as SHA-256 digests: equal lengths for timingSafeEqual, and the token's length is not revealed by timing either. */
  private readonly tokenDigest?: Buffer;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenDigest = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (this.tokenDigest && !this.authorized(authorization)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Unauthorized\n');
      return;
    }
    res.status(200).type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }

  private authorized(authorization: string | undefined): boolean {
    const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    return presented !== undefined && timingSafeEqual(digest(presented), this.tokenDigest as Buffer);
  }
}
