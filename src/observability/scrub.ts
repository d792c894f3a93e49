/** Keys whose values never reach a log, wherever they sit in a GraphQL variables object. */
const SECRET_KEYS = /^(password|currentPassword|newPassword|token|accessToken|refreshToken|authorization|jwtSecret|prakerjaCardNumber|cardNumber)$/i;
/** A card number (Kartu Prakerja numbers are 16 digits) typed anywhere, spaced or dashed or not. */
const CARD_NUMBER = /\d(?:[ -]?\d){15}/g;
const MAX_DEPTH = 8;
export const REDACTED = '[Redacted]';

/**
 * A copy of GraphQL variables fit for a log line: secret keys replaced, any
 * 16-digit run masked in strings, nesting and lists cut short.
 */
export function scrubVariables(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(CARD_NUMBER, REDACTED);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => scrubVariables(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_KEYS.test(key) ? REDACTED : scrubVariables(item, depth + 1)]),
  );
}
