import type { Request, Response } from 'express';
import { ViewerSession } from '../auth/session-check';
import { SiteAssets } from './assets';
import type { Upload } from './uploads';

/** What the web middleware learned about a page request before any controller runs. */
export interface WebState {
  /** The signed-in session from the session cookie, or null. */
  session: ViewerSession | null;
  /** The CSRF token for forms on this response (sets or reuses the CSRF cookie). */
  csrfToken(res: Response): string;
  assets: SiteAssets;
  /** An upload page's parsed multipart body (src/web/uploads.ts). */
  upload?: Upload;
}

export interface WebRequest extends Request {
  web: WebState;
}

/** Paths that are not pages: the API, probes and metrics keep their own handling (no cookies, no CSRF, no HTML). */
const NOT_PAGES = /^\/(graphql|health|metrics)(\/|$)/;
export const isPagePath = (path: string): boolean => !NOT_PAGES.test(path);
