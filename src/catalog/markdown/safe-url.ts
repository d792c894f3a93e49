import { decodeHTML } from 'entities';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
/** What browsers ignore inside a URL's scheme: C0 controls, space, DEL and C1 controls. */
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * True when a link or image destination may be served: an http, https or
 * mailto URL, or a relative one (no scheme at all). Anything else, however it
 * is disguised (entities, backslash escapes, control characters, case), is not.
 */
export function isSafeUrl(url: string): boolean {
  const normalized = decodeHTML(url).replace(/\\/g, '').replace(IGNORED_BY_BROWSERS, '').toLowerCase();
  const schemeEnd = normalized.indexOf(':');
  if (schemeEnd === -1) return true;
  const scheme = normalized.slice(0, schemeEnd);
  // A colon after a path, query or fragment start is part of a relative URL, not a scheme.
  if (/[/?#]/.test(scheme)) return true;
  return ALLOWED_SCHEMES.has(scheme);
}
