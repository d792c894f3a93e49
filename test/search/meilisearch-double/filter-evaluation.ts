import type { FilterNode } from './filter-grammar';

type Document = Record<string, unknown>;

/** The attributes a filter names (each must be filterable). */
export function filterAttributes(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.items.flatMap(filterAttributes);
    case 'not':
      return filterAttributes(node.item);
    default:
      return [node.attribute];
  }
}

/** Meilisearch's filter semantics: strings compared case-insensitively, numbers numerically, null never compared. */
export function matchesFilter(document: Document, node: FilterNode): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((item) => matchesFilter(document, item));
    case 'or':
      return node.items.some((item) => matchesFilter(document, item));
    case 'not':
      return !matchesFilter(document, node.item);
    case 'exists':
      return node.attribute in document;
    case 'isNull':
      return document[node.attribute] === null;
    case 'isEmpty': {
      const value = document[node.attribute];
      return value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    }
    case 'in':
      return node.values.some((value) => values(document, node.attribute).some((stored) => equal(stored, value)));
    case 'range':
      return values(document, node.attribute).some((stored) => typeof stored === 'number' && stored >= Number(node.from) && stored <= Number(node.to));
    case 'compare': {
      const stored = values(document, node.attribute);
      if (node.operator === '=') return stored.some((value) => equal(value, node.value));
      if (node.operator === '!=') return !stored.some((value) => equal(value, node.value));
      const bound = Number(node.value);
      if (Number.isNaN(bound)) return false;
      return stored.some((value) => typeof value === 'number' && compare(value, node.operator, bound));
    }
  }
}

function values(document: Document, attribute: string): unknown[] {
  const value = document[attribute];
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function equal(stored: unknown, value: string): boolean {
  if (typeof stored === 'number') return value.trim() !== '' && Number(value) === stored;
  if (typeof stored === 'boolean') return String(stored) === value.toLowerCase();
  return typeof stored === 'string' && stored.toLowerCase() === value.toLowerCase();
}

function compare(value: number, operator: '>' | '>=' | '<' | '<=' | '=' | '!=', bound: number): boolean {
  return operator === '>' ? value > bound : operator === '>=' ? value >= bound : operator === '<' ? value < bound : value <= bound;
}
