import { REDACTED, scrubVariables } from './scrub';

describe('scrubVariables', () => {
  it('replaces secret keys at any depth and masks 16-digit runs in any string', () => {
    const scrubbed = scrubVariables({
      email: 'a@example.id',
      password: 'rahasia-kuat-123',
      input: { prakerjaCardNumber: '3123456789012345', nested: [{ newPassword: 'x', note: 'kartu 3123 4567 8901 2345 hilang' }] },
      accessToken: 'eyJ...',
    });
    expect(scrubbed).toEqual({
      email: 'a@example.id',
      password: REDACTED,
      input: { prakerjaCardNumber: REDACTED, nested: [{ newPassword: REDACTED, note: `kartu ${REDACTED} hilang` }] },
      accessToken: REDACTED,
    });
  });

  it('keeps shorter numbers, and cuts deep nesting and long lists', () => {
    expect(scrubVariables({ priceIdr: 1, phone: '081234567890' })).toEqual({ priceIdr: 1, phone: '081234567890' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 12; i++) deep = { deep };
    expect(JSON.stringify(scrubVariables(deep))).toContain('[Nested]');
    expect((scrubVariables(Array.from({ length: 50 }, (_, i) => i)) as number[]).length).toBe(20);
  });
});
