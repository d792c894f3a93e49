import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { isSafeUrl } from './safe-url';

export const LINK_REL = 'nofollow ugc noopener noreferrer';
/** Shown for an image without alternative text, which is served as a link (see renderImageAsLink). */
const IMAGE_LABEL = 'gambar';

/**
 * CommonMark plus tables and strikethrough; raw HTML is never passed through
 * (html: false prints it as text), bare URLs are not linkified, and only
 * http, https, mailto and relative destinations make links.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
markdown.validateLink = isSafeUrl;
markdown.renderer.rules.image = renderImageAsLink;

/** The second wall: whatever the renderer produced, only these tags and attributes survive. */
const HTML_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'em', 'strong', 's', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: LINK_REL }) },
};

/** Markdown as written by a contributor to the HTML a client may insert as is. */
export function renderMarkdownHtml(source: string): string {
  return sanitizeHtml(markdown.render(source), HTML_POLICY);
}

/**
 * Images are served as links to them: external images would cost readers
 * mobile data and let their hosts track who reads what. Inside a link (a
 * linked image), only the alternative text is shown, since links cannot nest.
 */
function renderImageAsLink(...[tokens, index, options, env, renderer]: Parameters<MarkdownIt.RendererRule>): string {
  const token = tokens[index];
  const label = markdown.utils.escapeHtml(renderer.renderInlineAsText(token.children ?? [], options, env) || IMAGE_LABEL);
  if (insideLink(tokens, index)) return label;
  const title = token.attrGet('title')?.toString();
  const titleAttribute = title ? ` title="${markdown.utils.escapeHtml(title)}"` : '';
  return `<a href="${markdown.utils.escapeHtml(String(token.attrGet('src') ?? ''))}"${titleAttribute}>${label}</a>`;
}

function insideLink(tokens: MarkdownIt.Token[], index: number): boolean {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    if (tokens[i].type === 'link_close') depth--;
    if (tokens[i].type === 'link_open') depth++;
  }
  return depth > 0;
}
