import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/** Inline HTML that Markdown authors may keep; everything else is dropped (script and style with their content). */
const HTML_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'b', 'i', 'em', 'strong', 'u', 's', 'sub', 'sup', 'kbd', 'mark', 'br', 'p', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Fenced code blocks and inline code spans: their text is shown literally by Markdown renderers, so it is kept as written. */
const CODE = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)|`[^`\n]+`/g;
/** Link and image destinations: [text](dest) (dest may hold balanced parentheses), and reference definitions [id]: dest. */
const INLINE_DESTINATION = /(\]\(\s*<?)((?:[^()\s>]|\([^()\s]*\))*)/g;
const REFERENCE_DESTINATION = /(^|\n)( {0,3}\[[^\]\n]+\]:\s*<?)(\S*)/g;

/** True when a URL would run code: any scheme but http(s), mailto and tel, however it is encoded. */
export function isUnsafeUrl(url: string): boolean {
  // Renderers decode entities and ignore control characters and whitespace inside schemes.
  const normalized = decodeHTML(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  return scheme !== undefined && !SAFE_SCHEMES.has(scheme);
}

function neutralizeDestinations(markdown: string): string {
  const safe = (destination: string) => (isUnsafeUrl(destination) ? '#' : destination);
  return markdown
    .replace(INLINE_DESTINATION, (_m, open: string, destination: string) => open + safe(destination))
    .replace(REFERENCE_DESTINATION, (_m, start: string, open: string, destination: string) => start + open + safe(destination));
}

/** sanitize-html escapes text for HTML; Markdown needs '>' (quotes), '&' and quotes back. '<' stays escaped. */
function restoreMarkdownText(html: string): string {
  return html.replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Sanitises user Markdown on write: no script, no event handlers, no
 * javascript: (or other executable) links, in raw HTML or in Markdown syntax.
 * Code blocks and spans are kept verbatim since renderers never execute them.
 */
export function sanitizeMarkdown(markdown: string): string {
  const code: string[] = [];
  const placeholder = (i: number) => `\u0000${i}\u0000`;
  const withoutCode = markdown.replace(/\u0000/g, '').replace(CODE, (match) => placeholder(code.push(match) - 1));
  const cleaned = neutralizeDestinations(restoreMarkdownText(sanitizeHtml(withoutCode, HTML_POLICY)));
  return cleaned.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => code[Number(i)]).trim();
}
