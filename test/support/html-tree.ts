import { parse } from 'parse5';

/** The part of parse5's tree the page tests read. */
export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

/** Every element of a page (its HTML) or under a node, in document order. */
export function elementsOf(root: HtmlNode | string): HtmlNode[] {
  const found: HtmlNode[] = [];
  const pending: HtmlNode[] = [typeof root === 'string' ? (parse(root) as unknown as HtmlNode) : root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.tagName) found.push(node);
    pending.push(...[...(node.childNodes ?? [])].reverse());
  }
  return found;
}

export const attr = (node: HtmlNode, name: string): string | undefined => node.attrs?.find((attribute) => attribute.name === name)?.value;

export const textOf = (node: HtmlNode): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
