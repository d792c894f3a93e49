import { ErrorCode } from '../../src/common/domain-error';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/** What must never reach a client: stack frames, file paths, SQL or database errors, class names. */
export const LEAK_PATTERNS: [string, RegExp][] = [
  ['stack frame', /\bat \S+ \(?\S+:\d+:\d+\)?/],
  ['file path', /(?:\/[\w.-]+)+\.(?:ts|js|mjs|cjs)\b|node_modules|\bsrc\/\w/],
  ['SQL', /\b(?:SELECT\b[\s\S]{0,200}?\bFROM|INSERT INTO|DELETE FROM|UPDATE\s+"?\w+"?\s+SET)\b/i],
  ['database error', /syntax error at or near|violates \w+ constraint|relation "|column "|duplicate key value|invalid input syntax for|bind message|out of range for type|QueryFailedError|TypeORM/i],
  ['class name', /\b[A-Z]\w*(?:Service|Resolver|Repository|Entity|Exception)\b|\b(?:TypeError|RangeError|ReferenceError|SyntaxError|DomainError)\b|Cannot read propert/],
];

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Everything wrong with one answer: a 5xx, a body that is not a GraphQL
 * answer, an error without a contract code (or with INTERNAL_SERVER_ERROR),
 * or a leak in any error message or extension. A suspicious text that the
 * request itself carried (an echoed input) is not a leak.
 */
export function responseProblems(answer: HttpAnswer, sent: string[]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return [...problems, `not a JSON answer: ${answer.body.slice(0, 200)}`];
  }
  // A batch is answered with one result per operation.
  const results = (Array.isArray(parsed) ? parsed : [parsed]) as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] }[];
  if (results.some((result) => !result || typeof result !== 'object' || (!('data' in result) && !Array.isArray(result.errors)))) {
    return [...problems, `not a GraphQL answer: ${answer.body.slice(0, 200)}`];
  }
  for (const error of results.flatMap((result) => result.errors ?? [])) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !CONTRACT_CODES.has(code)) problems.push(`error code ${String(code)}: ${String(error.message).slice(0, 300)}`);
    for (const text of stringsIn(error)) {
      for (const [what, pattern] of LEAK_PATTERNS) {
        const matches = [...text.matchAll(new RegExp(pattern, `${pattern.flags}g`))];
        if (matches.some(([match]) => !sent.some((carried) => carried.includes(match)))) problems.push(`${what} leaked: ${text.slice(0, 300)}`);
      }
    }
  }
  return problems;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
