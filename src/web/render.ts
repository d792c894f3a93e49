import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page view (Preact escapes every text and attribute value). */
export const renderDocument = (page: JSX.Element): string => `<!doctype html>${renderToString(page)}`;

/** Contributor content that the catalog's Markdown pipeline already made safe (descriptionHtml, bodyHtml). */
export const trustedHtml = (sanitisedHtml: string) => ({ __html: sanitisedHtml });
