/**
 * Meilisearch's filter grammar, parsed the way its filter-parser crate does
 * (crates/filter-parser: lib.rs BNF, value.rs quoting), for the strict test
 * double. It is a reading of that grammar, not of our adapter's output:
 *
 *   expression = or;  or = and ("OR" and)*;  and = not ("AND" not)*
 *   not        = "NOT" not | primary
 *   primary    = "(" expression ")" | value "IN" list | value "NOT" "IN" list
 *              | value ("=" | "!=" | ">" | ">=" | "<" | "<=") value
 *              | value "EXISTS" | value "NOT" "EXISTS" | value "IS" ["NOT"] ("NULL" | "EMPTY")
 *              | value value "TO" value
 *   value      = word | '…' | "…"   (word: letters, digits, _ - .; not a keyword)
 *
 * A quoted value ends at the first quote not preceded by a backslash; a
 * backslash skips the next character. The escaped quote is unescaped, then
 * every escape sequence (\\ \" \' \/ \n \r \t \b \f \0 \u{…} \uXXXX) is, as
 * the `unescaper` crate does (Meilisearch ≥ 1.3.3); any other escape is a
 * malformed value.
 */

export type FilterNode =
  | { kind: 'and' | 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'compare'; attribute: string; operator: '=' | '!=' | '>' | '>=' | '<' | '<='; value: string }
  | { kind: 'in'; attribute: string; values: string[] }
  | { kind: 'exists' | 'isNull' | 'isEmpty'; attribute: string }
  | { kind: 'range'; attribute: string; from: string; to: string };

export class FilterSyntaxError extends Error {}

const KEYWORDS = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH', '_geoRadius', '_geoBoundingBox']);
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", '/': '/', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '0': '\0' };

/** The `filter` search parameter: a string, or an array of strings and arrays of strings (AND of ORs). */
export function parseFilterParameter(filter: unknown): FilterNode | undefined {
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter === 'string') return filter.trim() === '' ? undefined : parseFilter(filter);
  if (!Array.isArray(filter)) throw new FilterSyntaxError('Invalid syntax for the filter parameter: `expected String, Array`');
  const items = filter.flatMap((item): FilterNode[] => {
    if (typeof item === 'string') return item.trim() === '' ? [] : [parseFilter(item)];
    if (Array.isArray(item) && item.every((inner) => typeof inner === 'string')) return [{ kind: 'or', items: item.map((inner: string) => parseFilter(inner)) }];
    throw new FilterSyntaxError('Invalid syntax for the filter parameter: `expected String, [String]`');
  });
  return items.length === 0 ? undefined : { kind: 'and', items };
}

export function parseFilter(source: string): FilterNode {
  const parser = new Parser(source);
  const node = parser.expression();
  parser.skipSpaces();
  if (!parser.atEnd()) parser.fail(`Found unexpected characters at the end of the filter: \`${source.slice(parser.position)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`);
  return node;
}

class Parser {
  position = 0;
  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  fail(message: string): never {
    throw new FilterSyntaxError(`${message}\n${this.position + 1}:${this.source.length} ${this.source}`);
  }

  skipSpaces(): void {
    while (!this.atEnd() && /\s/u.test(this.source[this.position])) this.position++;
  }

  expression(): FilterNode {
    const items = [this.and()];
    while (this.keyword('OR')) items.push(this.and());
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): FilterNode {
    const items = [this.not()];
    while (this.keyword('AND')) items.push(this.not());
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private not(): FilterNode {
    return this.keyword('NOT') ? { kind: 'not', item: this.not() } : this.primary();
  }

  private primary(): FilterNode {
    this.skipSpaces();
    if (this.source[this.position] === '(') {
      this.position++;
      const inner = this.expression();
      this.skipSpaces();
      if (this.source[this.position] !== ')') this.fail('Expression `(' + this.source.slice(0, this.position) + '` is missing the following closing delimiter: `)`.');
      this.position++;
      return inner;
    }
    const attribute = this.value();
    if (this.keyword('IN')) return { kind: 'in', attribute, values: this.list() };
    if (this.keyword('EXISTS')) return { kind: 'exists', attribute };
    if (this.keyword('IS')) {
      const negated = this.keyword('NOT');
      const node: FilterNode | undefined = this.keyword('NULL') ? { kind: 'isNull', attribute } : this.keyword('EMPTY') ? { kind: 'isEmpty', attribute } : undefined;
      if (!node) this.fail('Was expecting an operation `NULL` or `EMPTY` after `IS`.');
      return negated ? { kind: 'not', item: node } : node;
    }
    if (this.keyword('NOT')) {
      if (this.keyword('IN')) return { kind: 'not', item: { kind: 'in', attribute, values: this.list() } };
      if (this.keyword('EXISTS')) return { kind: 'not', item: { kind: 'exists', attribute } };
      this.fail('Was expecting `IN` or `EXISTS` after `NOT`.');
    }
    this.skipSpaces();
    const operator = /^(>=|<=|!=|=|>|<)/.exec(this.source.slice(this.position))?.[1] as '=' | '!=' | '>' | '>=' | '<' | '<=' | undefined;
    if (operator) {
      this.position += operator.length;
      return { kind: 'compare', attribute, operator, value: this.value() };
    }
    const from = this.value();
    if (!this.keyword('TO')) this.fail('Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox`.');
    return { kind: 'range', attribute, from, to: this.value() };
  }

  /** "[" (value ("," value)* ","?)? "]" */
  private list(): string[] {
    this.skipSpaces();
    if (this.source[this.position] !== '[') this.fail('Expected `[` after `IN` keyword.');
    this.position++;
    const values: string[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.source[this.position] === ']') break;
      values.push(this.value());
      this.skipSpaces();
      if (this.source[this.position] === ',') this.position++;
      else if (this.source[this.position] !== ']') this.fail('Expected only comma-separated field names inside `IN[..]` but instead found `' + this.source.slice(this.position) + '`.');
    }
    this.position++;
    return values;
  }

  /** Consumes the keyword when the next word is exactly it. */
  private keyword(word: string): boolean {
    const start = this.position;
    this.skipSpaces();
    const found = /^[\p{L}\p{N}_.-]+/u.exec(this.source.slice(this.position))?.[0];
    if (found === word) {
      this.position += word.length;
      return true;
    }
    this.position = start;
    return false;
  }

  private value(): string {
    this.skipSpaces();
    const quote = this.source[this.position];
    if (quote === '"' || quote === "'") return this.quoted(quote);
    const word = /^[\p{L}\p{N}_.-]+/u.exec(this.source.slice(this.position))?.[0];
    if (!word) this.fail(`Was expecting a value but instead got \`${this.source.slice(this.position).split(/[\s()=<>!]/u)[0]}\`.`);
    if (KEYWORDS.has(word)) this.fail(`Was expecting a value but instead got \`${word}\`, which is a reserved keyword. To use \`${word}\` as a field name or a value, surround it by quotes.`);
    this.position += word.length;
    return word;
  }

  private quoted(quote: string): string {
    const start = ++this.position;
    let escapedQuote = false;
    for (let index = start; index < this.source.length; index++) {
      const character = this.source[index];
      if (character === quote) {
        this.position = index + 1;
        const raw = this.source.slice(start, index);
        return unescapeSequences(escapedQuote ? raw.replaceAll(`\\${quote}`, quote) : raw, () => this.fail('Malformed value: an escape sequence is invalid.'));
      }
      if (character === '\\') {
        if (index + 1 >= this.source.length) break;
        escapedQuote ||= this.source[index + 1] === quote;
        index++;
      }
    }
    this.position = start - 1;
    return this.fail(`Expression \`${this.source.slice(start - 1)}\` is missing the following closing delimiter: \`${quote}\`.`);
  }
}

function unescapeSequences(text: string, malformed: () => never): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    if (text[index] !== '\\') {
      result += text[index];
      continue;
    }
    const next = text[++index];
    if (next === undefined) malformed();
    if (next in SIMPLE_ESCAPES) result += SIMPLE_ESCAPES[next];
    else if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(index + 1));
      const plain = /^[0-9a-fA-F]{4}/.exec(text.slice(index + 1));
      const hex = braced?.[1] ?? plain?.[0];
      if (!hex) malformed();
      result += String.fromCodePoint(parseInt(hex, 16));
      index += braced ? braced[0].length : 4;
    } else malformed();
  }
  return result;
}
