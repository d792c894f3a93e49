import compression from 'compression';
import cookieParser from 'cookie-parser';
import { Logger } from '@nestjs/common';
import { urlencoded, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { SessionCheck } from '../auth/session-check';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { SiteAssets } from './assets';
import { createCsrfProtection } from './csrf';
import { pageContextOf } from './page-context';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie';
import { uploadParser } from './uploads';
import { renderErrorPage } from './views/error.view';
import { isPagePath, WebRequest } from './web-request';

const logger = new Logger('WebPages');
/**
 * Pages run only the site's own script and stylesheet, post forms only here
 * and cannot be framed: an injected tag or handler that slipped through the
 * sanitiser still would not run (in every environment, not just production).
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Everything page requests pass before a page controller, and the API never
 * does: compression, cookies, form bodies, the session from the cookie, an
 * upload page's multipart body, and the CSRF check on every state-changing request.
 */
export function webMiddleware(config: AppConfig, sessions: SessionCheck, assets: SiteAssets): RequestHandler {
  const csrf = createCsrfProtection(config);
  const steps: RequestHandler[] = [
    (req, res, next) => {
      (req as WebRequest).web = { session: null, csrfToken: (response) => csrf.tokenFor(req, response), assets };
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      next();
    },
    compression(),
    cookieParser(),
    urlencoded({ extended: false, limit: config.limits.bodyBytes, parameterLimit: 2000 }),
    (req, res, next) => {
      if (req.path.startsWith('/assets/')) return next();
      void readSession(req as WebRequest, res, config, sessions).then(() => next(), next);
    },
    uploadParser(config),
    (req, res, next) => {
      if (SAFE_METHODS.has(req.method) || csrf.isValid(req)) return next();
      const message = 'Formulir ini sudah kedaluwarsa atau tidak dikirim dari situs ini. Muat ulang halamannya lalu kirim lagi.';
      refuse(req as WebRequest, res, 403, 'Formulir kedaluwarsa', message);
    },
  ];
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPagePath(req.path)) return next();
    const run = (index: number, error?: unknown): void => {
      if (error !== undefined) return refuseFailure(req as WebRequest, res, error);
      if (index === steps.length) return next();
      steps[index](req, res, (failure?: unknown) => run(index + 1, failure));
    };
    run(0);
  };
}

/** A refusal before any controller ran, as a page (the body parser's or the session store's failure). */
function refuseFailure(req: WebRequest, res: Response, error: unknown): void {
  const status = (error as { status?: number }).status;
  if (status === 413) return refuse(req, res, 413, 'Isian terlalu besar', 'Isian formulir terlalu besar untuk dikirim.');
  if (status !== undefined && status >= 400 && status < 500) return refuse(req, res, 400, 'Permintaan tidak sah', 'Formulir tidak bisa dibaca. Muat ulang halamannya lalu kirim lagi.');
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  refuse(req, res, 500, 'Terjadi kesalahan', 'Maaf, ada yang salah di sisi kami. Coba lagi sebentar lagi.');
}

function refuse(req: WebRequest, res: Response, status: number, title: string, message: string): void {
  res.status(status).type('html').setHeader('Cache-Control', 'no-store');
  res.send(renderErrorPage({ ctx: pageContextOf(req, res), title, message }));
}

/** The session of the cookie; an ended or bad token clears the cookie and the page is served signed out. */
async function readSession(req: WebRequest, res: Response, config: AppConfig, sessions: SessionCheck): Promise<void> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  if (typeof token !== 'string' || token === '') return;
  try {
    req.web.session = await sessions.authenticate(`Bearer ${token}`);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED)) throw error;
    clearSessionCookie(res, config);
  }
}
