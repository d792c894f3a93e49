import { LRUCache } from 'lru-cache';
import { renderMarkdownHtml } from './render-html';
import { sanitizeMarkdown } from './safe-markdown';

/**
 * Contributors' Markdown is stored as written and made safe when read, so a
 * fix to the rules applies to every stored text at once. Results are cached
 * by content (the same text always gives the same result), up to ~16 MB each.
 */
const cache = (transform: (source: string) => string) => {
  const results = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (result, source) => result.length + source.length + 1 });
  return (source: string): string => {
    let result = results.get(source);
    if (result === undefined) results.set(source, (result = transform(source)));
    return result;
  };
};

const cachedMarkdown = cache(sanitizeMarkdown);
const cachedHtml = cache(renderMarkdownHtml);

/** The Markdown a field serves (see sanitizeMarkdown). */
export function servedMarkdown(source: string): string;
export function servedMarkdown(source: string | null): string | null;
export function servedMarkdown(source: string | null): string | null {
  return source === null ? null : cachedMarkdown(source);
}

/** The HTML a field serves (see renderMarkdownHtml). */
export function servedHtml(source: string): string;
export function servedHtml(source: string | null): string | null;
export function servedHtml(source: string | null): string | null {
  return source === null ? null : cachedHtml(source);
}
