import fc from 'fast-check';
import { FuzzValue } from './fuzz-value';
import { POOLS } from './fuzz-world';

/** Just above the 1 MiB request limit, and well below it. */
const HUGE_LENGTHS = [10_000, 100_000, 1_100_000];
/** Lengths of huge lists: objects stop near the 1 MiB body limit (2,000 modules are ~1.4 MB), scalars go far beyond any bound. */
const HUGE_LIST_LENGTHS = { objects: [101, 2_000], scalars: [101, 5_001, 70_000] };

export const SQL_STRINGS = ["' OR 1=1 --", "'; DROP TABLE modules; --", '" OR ""="', '\\x00', '\u0000', "1' AND pg_sleep(5) --", '%', '_', '\\', "$1", "') UNION ALL SELECT password_hash FROM users --", '::timestamptz'];
export const HTML_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Lihat \\`<img src=x onerror=alert(1)>` ini',
  '```a`b\n<img src=x onerror=alert(1)>\n```',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt&#58;alert(1))',
  '<svg/onload=alert(1)>',
  '"><iframe src=//evil.example>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
];
export const UNICODE_STRINGS = [
  '\u202Egnp.exe',
  'a\u200B\u200C\u200D\uFEFFb',
  '👩‍👩‍👧‍👦🇮🇩',
  '\uD800',
  '\uDFFF lone',
  'e\u0301\u0301\u0301',
  'ﷺ ﷽',
  '\u0000\u0001\u001F\u007F',
  '\r\n\t ',
  '   ',
  '',
];
export const MALFORMED_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '123', '-1', ' 7d4e9c1a-1b2c-4d5e-8f90-123456789abc ', '7d4e9c1a-1b2c-4d5e-8f90-123456789abcd', '{7d4e9c1a-1b2c-4d5e-8f90-123456789abc}'];
export const MALFORMED_CURSORS = [
  'bm90LWEtY3Vyc29y',
  Buffer.from('2026-13-45T99:99:99Z|not-a-uuid').toString('base64'),
  Buffer.from('x|y').toString('base64'),
  Buffer.from('|').toString('base64'),
  Buffer.from(JSON.stringify({ at: 'yesterday', id: "' OR 1=1 --" })).toString('base64'),
  Buffer.from('1970-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000|extra').toString('base64'),
  '%%%',
  '====',
];
export const EXTREME_NUMBERS = [-1, 0, -2147483648, 2147483647, 2147483648, 9007199254740993, -1e308, 1e308, 0.5, -0.000001, 1e-320];

const hugeString = fc.record({ $repeat: fc.constantFrom('a', 'é', '👍', '<', "'"), times: fc.constantFrom(...HUGE_LENGTHS) });

export const hostileString: fc.Arbitrary<FuzzValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...SQL_STRINGS, ...HTML_STRINGS, ...UNICODE_STRINGS, ...MALFORMED_IDS, ...MALFORMED_CURSORS), weight: 12 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: hugeString, weight: 1 },
);

/** A value of some other type than the one asked for. */
export const wrongType: fc.Arbitrary<FuzzValue> = fc.constantFrom<FuzzValue>(42, 1.5, true, 'teks', [], [1, 'dua'], { $fields: {} }, { $fields: { bogus: 1 } }, { $enum: 'NOT_A_VALUE' });

export const hostileNumber: fc.Arbitrary<FuzzValue> = fc.constantFrom(...EXTREME_NUMBERS);

/** A real id of another kind of entity (a lesson id where a module id belongs, ...). */
export const otherEntityRef: fc.Arbitrary<FuzzValue> = fc.record({ $ref: fc.constantFrom(...POOLS), index: fc.nat(5) });

/** One of the world's real cursors with forged content (see forgeCursor). */
export const forgedCursor: fc.Arbitrary<FuzzValue> = fc.record({ $forgedCursor: fc.nat(3), variant: fc.nat(20) });

/** A huge list repeating one item. */
export const hugeList = (item: fc.Arbitrary<FuzzValue>, of: keyof typeof HUGE_LIST_LENGTHS): fc.Arbitrary<FuzzValue> => fc.record({ $list: item, times: fc.constantFrom(...HUGE_LIST_LENGTHS[of]) });

/** Objects nested far deeper than any input type. */
export const deepObject: fc.Arbitrary<FuzzValue> = fc.nat({ max: 200 }).map((depth) => {
  let value: FuzzValue = 'dasar';
  for (let i = 0; i < depth + 20; i++) value = { $fields: { a: value } };
  return value;
});
