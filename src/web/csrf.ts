import { createHmac } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/config';
import { WebRequest } from './web-request';

/** The hidden form field every page form carries (`<CsrfField>`); scripts may send the header instead. */
export const CSRF_FIELD = '_csrf';

export interface CsrfProtection {
  /** The token for forms on this response (sets or reuses the CSRF cookie). */
  tokenFor(req: Request, res: Response): string;
  /** Whether a state-changing request carries the token bound to its cookie and session. */
  isValid(req: Request): boolean;
}

/**
 * Signed double-submit tokens (csrf-csrf): an HttpOnly cookie and a form
 * field, HMAC-bound to the session's token id, so a token stops working at
 * sign-in and sign-out. SameSite=Lax cookies are the first line; this is the second.
 */
export function createCsrfProtection(config: AppConfig): CsrfProtection {
  // Derived, so one secret (JWT_SECRET) is configured, yet a CSRF token never verifies as anything else.
  const secret = createHmac('sha256', config.jwtSecret).update('web-csrf').digest('base64url');
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => (req as WebRequest).web?.session?.tokenId ?? 'signed-out',
    cookieName: config.isProduction ? '__Host-csrf' : 'csrf',
    cookieOptions: { sameSite: 'lax', secure: config.isProduction, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const fromForm = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof fromForm === 'string' ? fromForm : req.headers['x-csrf-token'];
    },
  });
  return { tokenFor: (req, res) => generateCsrfToken(req, res), isValid: (req) => validateRequest(req) };
}
