import { DomainError, ErrorCode } from '../common/domain-error';
import { decodeCursor, encodeCursor } from './pagination';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const raw = (parts: unknown) => Buffer.from(typeof parts === 'string' ? parts : JSON.stringify(parts)).toString('base64url');

function refusal(value: string): DomainError | undefined {
  try {
    decodeCursor(value);
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
}

describe('cursor codec', () => {
  it('decodes what it encodes', () => {
    const cursor = { key: new Date('2026-11-29T10:15:30.123Z').toISOString(), id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('reads no cursor from null, undefined or an empty string', () => {
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    ['random text', 'bm90IGEgY3Vyc29y!!'],
    ['base64 of random bytes', Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64url')],
    ['JSON that is not an array', raw({ key: '2026-11-29T10:15:30.123Z', id: ID })],
    ['one part', raw(['2026-11-29T10:15:30.123Z'])],
    ['three parts', raw(['2026-11-29T10:15:30.123Z', ID, 'x'])],
    ['numbers', raw([1764411330123, 42])],
    ['null parts', raw([null, null])],
    ['nested arrays', raw([['2026-11-29T10:15:30.123Z'], [ID]])],
    ['a date without time', raw(['2026-11-29', ID])],
    ['a date PostgreSQL would take but this API never writes', raw(['2026-11-29 10:15:30+07', ID])],
    ['an impossible date', raw(['2026-02-30T10:15:30.123Z', ID])],
    ['an impossible time', raw(['2026-11-29T25:15:30.123Z', ID])],
    ['year zero (not in PostgreSQL)', raw(['0000-01-01T00:00:00.000Z', ID])],
    ['infinity', raw(['infinity', ID])],
    ['a key with SQL', raw(["2026-11-29T10:15:30.123Z'); DROP TABLE modules; --", ID])],
    ['an id that is not a UUID', raw(['2026-11-29T10:15:30.123Z', 'not-a-uuid'])],
    ['an id with SQL', raw(['2026-11-29T10:15:30.123Z', `${ID}' OR '1'='1`])],
    ['a huge string', 'A'.repeat(100_000)],
    ['a valid cursor with trailing garbage beyond the length limit', encodeCursor({ key: '2026-11-29T10:15:30.123Z', id: ID }) + 'A'.repeat(300)],
  ])('refuses %s with BAD_USER_INPUT on after', (_, value) => {
    const error = refusal(value);
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error!.fields).toEqual([{ field: 'after', message: expect.any(String) }]);
  });
});
