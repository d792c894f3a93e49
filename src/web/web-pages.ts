import { ArgumentsHost, Catch, NotFoundException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SessionCheck } from '../auth/session-check';
import { AppConfig } from '../config/config';
import { SiteAssets } from './assets';
import { WebExceptionFilter } from './web-exception.filter';
import { webMiddleware } from './web-middleware';
import { isPagePath, WebRequest } from './web-request';

/** An unknown page path answers the 404 page; unknown API paths keep Nest's JSON answer. */
@Catch(NotFoundException)
class PageNotFoundFilter extends BaseExceptionFilter {
  private readonly pages = new WebExceptionFilter();

  override catch(exception: NotFoundException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<WebRequest>();
    if (host.getType() === 'http' && req.web && isPagePath(req.path)) return this.pages.catch(exception, host);
    super.catch(exception, host);
  }
}

/** Mounts the web pages' middleware and their 404 page; called once from bootstrap, after the HTTP boundaries. */
export function applyWebPages(app: NestExpressApplication, config: AppConfig): void {
  app.use(webMiddleware(config, app.get(SessionCheck), app.get(SiteAssets)));
  app.useGlobalFilters(new PageNotFoundFilter(app.getHttpAdapter()));
}
