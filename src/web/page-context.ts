import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { Viewer } from '../auth/viewer';
import { noticeFor, Notice } from './notices';
import { WebRequest } from './web-request';

/** What every page view receives: who is looking, the form token, the asset URLs and where they are. */
export interface PageContext {
  viewer: Viewer | null;
  csrfToken: string;
  assets: { css: string; js: string };
  /** Path and query of this page: where to come back to after signing in. */
  url: string;
  /** A fixed message chosen by ?pesan= after a redirect (never text taken from the URL). */
  notice: Notice | null;
}

export function pageContextOf(req: WebRequest, res: Response): PageContext {
  const pesan = typeof req.query.pesan === 'string' ? req.query.pesan : undefined;
  return {
    viewer: req.web.session?.viewer ?? null,
    csrfToken: req.web.csrfToken(res),
    assets: { css: req.web.assets.css.url, js: req.web.assets.js.url },
    url: req.originalUrl,
    notice: noticeFor(pesan),
  };
}

/** The PageContext of this request, for a page controller's handler. */
export const Page = createParamDecorator((_data: unknown, context: ExecutionContext): PageContext => {
  const http = context.switchToHttp();
  return pageContextOf(http.getRequest<WebRequest>(), http.getResponse<Response>());
});
