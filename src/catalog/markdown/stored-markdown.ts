/**
 * Markdown as a contributor wrote it, ready to store: U+0000 becomes U+FFFD,
 * as every CommonMark parser reads it anyway, since PostgreSQL text cannot
 * hold U+0000. Nothing else changes; it is made safe when served.
 */
export const storedMarkdown = (source: string): string => source.replace(/\u0000/g, '\ufffd');
