import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page view (Preact escapes every text and attribute value). */
export const renderDocument = (page: JSX.Element): string => `<!doctype html>${renderToString(page)}`;

/** Contributor content that the catalog's Markdown pipeline already made safe (descriptionHtml, bodyHtml). */
export const trustedHtml = (sanitisedHtml: string) => ({ __html: sanitisedHtml });

/**
 * Sanitised contributor content placed under a heading of level `parentLevel`:
 * its headings move down so that `#` becomes the next level, keeping the page's
 * outline (one h1, no skipped levels from the page's side). The sanitiser
 * leaves headings without attributes, so the tags match exactly.
 */
export function proseHtml(sanitisedHtml: string, parentLevel: 1 | 2 | 3 | 4 | 5) {
  const html = sanitisedHtml.replace(/<(\/?)h([1-6])>/g, (_tag, close: string, level: string) => `<${close}h${Math.min(6, Number(level) + parentLevel)}>`);
  return trustedHtml(html);
}
