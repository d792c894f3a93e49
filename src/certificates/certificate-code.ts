/**
 * Certificate codes as printed: 12 characters of Crockford's base32 (digits
 * and letters without I, L, O, U), grouped XXXX-XXXX-XXXX, 60 random bits.
 * The database issues them (migration 1764890000000); this reads what people type.
 */
export const CERTIFICATE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CERTIFICATE_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Longer input is not a code however it is spaced: no work is spent on it. */
const MAX_TYPED_LENGTH = 64;
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * The stored form of a typed code, or null when it cannot be one: case,
 * spaces and dashes are ignored, and O, I, L are read as 0, 1, 1.
 */
export function normalizeCertificateCode(typed: string): string | null {
  if (typed.length > MAX_TYPED_LENGTH) return null;
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[OIL]/g, (char) => LOOK_ALIKES[char]);
  if (chars.length !== 12) return null;
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  return CERTIFICATE_CODE.test(code) ? code : null;
}
