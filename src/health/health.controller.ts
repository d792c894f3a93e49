import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthReport, HealthService, ReadinessReport } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when every dependency the API needs is up, 503 otherwise; the body names each one's state. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** Liveness: the process answers (the event loop runs). Restart it only when this stops answering. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 while the database is unreachable or migrations are not applied; search and Redis down only degrade /health. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const readiness = await this.health.readiness();
    res.status(readiness.ready ? 200 : 503);
    return readiness;
  }
}
