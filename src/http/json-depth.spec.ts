import { jsonNestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text);

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"q":"[[[[{{{{"}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"q":"\\"[[[[\\\\"}'), 1)).toBe(false);
  });

  it('refuses a deep body without parsing it', () => {
    expect(jsonNestsDeeperThan(bytes('['.repeat(100_000) + ']'.repeat(100_000)), 32)).toBe(true);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ variables: { items: [{ lessons: [{ title: 'x' }] }] } })), 32)).toBe(false);
  });
});
