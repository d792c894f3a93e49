import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { parse, parseFragment } from 'parse5';

/** Elements that can run script, load active content, or change where the page's URLs and forms go. */
const SCRIPT_CAPABLE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'base', 'meta', 'form',
  'style', 'link', 'template', 'noscript', 'portal', 'input', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'xml', 'import']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcset', 'lowsrc', 'dynsrc',
  'codebase', 'cite', 'ping', 'longdesc', 'manifest', 'content']);
const SCRIPT_SCHEME = /^(javascript|vbscript|data|livescript):/;

/** Clients that render Markdown carelessly, with two CommonMark parsers: raw HTML passed through, every link kept. */
const careless = new MarkdownIt('default', { html: true, linkify: true });
careless.validateLink = () => true;
export const carelessRenderings = (markdown: string) => [careless.render(markdown), micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true })];

interface Node { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node }

/**
 * What would be dangerous if `html` were inserted into a page, as a fragment
 * (innerHTML) or as a whole document (a stray <body onload> lands on the
 * page's body): each finding names the element or attribute.
 */
export function unsafeHtmlFindings(html: string): string[] {
  const findings: string[] = [];
  const pending: Node[] = [parseFragment(html) as unknown as Node, parse(html) as unknown as Node];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.tagName && SCRIPT_CAPABLE.has(node.tagName.toLowerCase())) findings.push(`<${node.tagName}>`);
    for (const { name, value } of node.attrs ?? []) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) findings.push(`${node.tagName} ${name}=`);
      if (attribute === 'style') findings.push(`${node.tagName} style=`);
      if (URL_ATTRIBUTES.has(attribute) && SCRIPT_SCHEME.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase())) findings.push(`${node.tagName} ${name}="${value}"`);
    }
    pending.push(...(node.childNodes ?? []), ...(node.content ? [node.content] : []));
  }
  return findings;
}

/** Findings for a Markdown field: read as HTML, and as careless renderers show it. */
export const unsafeMarkdownFindings = (markdown: string) => [
  ...unsafeHtmlFindings(markdown),
  ...carelessRenderings(markdown).flatMap((html) => unsafeHtmlFindings(html).map((finding) => `rendered: ${finding}`)),
];
