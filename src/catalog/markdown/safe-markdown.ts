import MarkdownIt from 'markdown-it';
import { parse, postprocess, preprocess } from 'micromark';
import { isSafeUrl } from './safe-url';
import { storedMarkdown } from './stored-markdown';

/**
 * A `<` that an HTML parser or a CommonMark renderer would read as the start of
 * a tag, comment, declaration or autolink: followed by a letter, `/`, `!` or
 * `?`. Written as `&lt;` it is plain text to both (and `&lt;` inside code is
 * shown literally by renderers: the price of serving Markdown that is safe).
 */
const TAG_OPEN = /<(?=[A-Za-z/!?])/g;
const DESTINATION_TOKENS = new Set(['resourceDestination', 'definitionDestination']);
const NEUTRAL_DESTINATION = '#';
/** micromark costs ~5 ms per KB: past this size a text with an unsafe destination is served without link syntax instead. */
const MAX_NEUTRALIZED_CHARS = 10_000;

/** A careless client: raw HTML on, every link kept (linkify only ever makes http, https, ftp and mailto links). */
const carelessRenderer = new MarkdownIt('default', { html: true, linkify: false });
carelessRenderer.validateLink = () => true;

/**
 * The Markdown served in fields that return it (Module.description,
 * Lesson.body, Review.comment, Report.details): safe whether a client renders
 * it with any CommonMark renderer or reads the string as HTML. No `<` can open
 * a tag, and every link, image and reference-definition destination that is
 * not http, https, mailto or relative becomes `#`. Destinations are found by
 * CommonMark parsers: markdown-it tells whether there is any to change, and
 * micromark, which gives exact source offsets, where they are. Idempotent:
 * sanitising the result again changes nothing.
 */
export function sanitizeMarkdown(source: string): string {
  const escaped = storedMarkdown(source).replace(TAG_OPEN, '&lt;');
  // micromark is slow (~5 ms per KB here): only a text with an unsafe link, image or used definition needs it.
  if (destinationsSafeFor(carelessRenderer, escaped)) return escaped;
  const neutralized = escaped.length <= MAX_NEUTRALIZED_CHARS ? neutralizeDestinations(escaped) : escaped;
  // Parsers could disagree on an edge case (or the text was too long to locate them): then no link syntax is served at all.
  return destinationsSafeFor(carelessRenderer, neutralized) ? neutralized : withoutLinkSyntax(neutralized);
}

const withoutLinkSyntax = (markdown: string) => markdown.replace(/\[/g, '&#91;').replace(/]/g, '&#93;');

function neutralizeDestinations(markdown: string): string {
  const unsafe: { start: number; end: number }[] = [];
  const events = postprocess(parse().document().write(preprocess()(markdown, undefined, true)));
  for (const [kind, token] of events) {
    if (kind !== 'enter' || !DESTINATION_TOKENS.has(token.type)) continue;
    const destination = markdown.slice(token.start.offset, token.end.offset);
    if (!isSafeUrl(unwrapPointyBrackets(destination))) unsafe.push({ start: token.start.offset, end: token.end.offset });
  }
  let result = markdown;
  for (const { start, end } of unsafe.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + NEUTRAL_DESTINATION + result.slice(end);
  }
  return result;
}

const unwrapPointyBrackets = (destination: string) => (destination.startsWith('<') && destination.endsWith('>') ? destination.slice(1, -1) : destination);

function destinationsSafeFor(renderer: MarkdownIt.MarkdownIt, markdown: string): boolean {
  const pending = renderer.parse(markdown, {});
  while (pending.length > 0) {
    const token = pending.pop()!;
    const url = token.attrGet('href') ?? token.attrGet('src');
    if (url !== null && !isSafeUrl(String(url))) return false;
    if (token.children) pending.push(...token.children);
  }
  return true;
}
