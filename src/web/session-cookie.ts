import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../config/config';

/** The web session cookie holds the same bearer token the API issues: same accounts, expiry and revocation rules. */
export const SESSION_COOKIE = 'sesi';

/** Tokens live 12 hours (TokenService); the cookie never outlives its token. */
const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function sessionCookieOptions(config: AppConfig): CookieOptions {
  // Lax: a shared link opens signed in; cross-site POSTs carry no cookie (and every form also has a CSRF token).
  return { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' };
}

export function setSessionCookie(res: Response, config: AppConfig, accessToken: string): void {
  res.cookie(SESSION_COOKIE, accessToken, { ...sessionCookieOptions(config), maxAge: SESSION_MAX_AGE_MS });
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
}
