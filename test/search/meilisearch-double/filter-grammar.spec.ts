import { parseFilter, parseFilterParameter, FilterSyntaxError } from './filter-grammar';

/** Cases from Meilisearch's own filter-parser tests (crates/filter-parser/src/value.rs, test_value). */
const VALUE_CASES: [string, string][] = [
  ['channel', 'channel'],
  ['.private', '.private'],
  ['I-love-kebab', 'I-love-kebab'],
  ["'channel'", 'channel'],
  ['"channel"', 'channel'],
  ["'cha)nnel'", 'cha)nnel'],
  [`'cha"nnel'`, 'cha"nnel'],
  [`"cha'nnel"`, "cha'nnel"],
  ['" some spaces "', ' some spaces '],
  [String.raw`"\\"`, '\\'],
  [String.raw`"\\\\\\"`, '\\\\\\'],
  [String.raw`"aa\\aa"`, String.raw`aa\aa`],
  [String.raw`"Hello \"world\""`, 'Hello "world"'],
  [String.raw`"Hello \\\"world\\\""`, String.raw`Hello \"world\"`],
  [String.raw`"I'm \"super\" tamo"`, `I'm "super" tamo`],
  [String.raw`"\"\""`, '""'],
  [String.raw`'Hello \'world\''`, "Hello 'world'"],
  [String.raw`'Hello \\\'world\\\''`, String.raw`Hello \'world\'`],
  [String.raw`'I\'m "super" tamo'`, `I'm "super" tamo`],
];

describe("the strict double's filter grammar", () => {
  it.each(VALUE_CASES)('reads the value %s as %j', (source, expected) => {
    expect(parseFilter(`field = ${source}`)).toEqual({ kind: 'compare', attribute: 'field', operator: '=', value: expected });
  });

  it('parses the operators, IN lists, NOT, AND before OR, parentheses and TO', () => {
    expect(parseFilter('a IN ["x", y,] AND NOT b NOT IN [1] OR (c >= 2 AND d 1 TO 5) OR e EXISTS OR f IS NOT NULL')).toEqual({
      kind: 'or',
      items: [
        { kind: 'and', items: [{ kind: 'in', attribute: 'a', values: ['x', 'y'] }, { kind: 'not', item: { kind: 'not', item: { kind: 'in', attribute: 'b', values: ['1'] } } }] },
        { kind: 'and', items: [{ kind: 'compare', attribute: 'c', operator: '>=', value: '2' }, { kind: 'range', attribute: 'd', from: '1', to: '5' }] },
        { kind: 'exists', attribute: 'e' },
        { kind: 'not', item: { kind: 'isNull', attribute: 'f' } },
      ],
    });
  });

  it.each([
    ['an unclosed quote', 'a = "x'],
    ['a value ending in a lone backslash', 'a = "x\\"'],
    ['an unknown escape', String.raw`a = "\q"`],
    ['a keyword as a bare value', 'a = IN'],
    ['a bare value with a quote in it', 'a = x"y'],
    ['a missing operator', 'a'],
    ['text after the expression', 'a = 1 b = 2'],
    ['an unclosed list', 'a IN [1, 2'],
  ])('refuses %s', (_, source) => {
    expect(() => parseFilter(source)).toThrow(FilterSyntaxError);
  });

  it('reads the array form as an AND of ORs', () => {
    expect(parseFilterParameter(['a = 1', ['b = 2', 'c = 3']])).toEqual({
      kind: 'and',
      items: [
        { kind: 'compare', attribute: 'a', operator: '=', value: '1' },
        { kind: 'or', items: [{ kind: 'compare', attribute: 'b', operator: '=', value: '2' }, { kind: 'compare', attribute: 'c', operator: '=', value: '3' }] },
      ],
    });
  });
});
