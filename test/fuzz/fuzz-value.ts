import { FuzzWorld, Pool } from './fuzz-world';

/**
 * An argument value as the fuzzer describes it: JSON-like, with markers for
 * what would print badly (a megabyte string, a list of 70,000 items) or must
 * be resolved when sent (a real id of the world, a fresh unique email), so a
 * failing case prints short and replays against a newly built world.
 */
export type FuzzValue =
  | null
  | boolean
  | number
  | string
  | FuzzValue[]
  | { $enum: string }
  | { $fields: Record<string, FuzzValue> }
  | { $ref: Pool; index: number }
  | { $fresh: 'email' | 'reference' | 'card' }
  | { $forgedCursor: number; variant: number }
  | { $repeat: string; times: number }
  | { $list: FuzzValue; times: number };

let freshSequence = 0;

/** The value as JSON (for variables); enums become their names. */
export function toJson(value: FuzzValue, world: FuzzWorld): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toJson(item, world));
  if ('$enum' in value) return value.$enum;
  if ('$fields' in value) return Object.fromEntries(Object.entries(value.$fields).map(([key, item]) => [key, toJson(item, world)]));
  if ('$ref' in value) return resolveRef(value, world);
  if ('$fresh' in value) return fresh(value.$fresh);
  if ('$forgedCursor' in value) return forgeCursor(world.pools.cursor[value.$forgedCursor % Math.max(1, world.pools.cursor.length)] ?? '', value.variant);
  if ('$repeat' in value) return value.$repeat.repeat(value.times);
  const item = toJson(value.$list, world);
  return Array.from({ length: value.times }, () => item);
}

/** The value as a GraphQL literal written inline in the operation. */
export function toLiteral(value: FuzzValue, world: FuzzWorld): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => toLiteral(item, world)).join(', ')}]`;
  if ('$enum' in value) return value.$enum;
  if ('$fields' in value) return `{${Object.entries(value.$fields).map(([key, item]) => `${key}: ${toLiteral(item, world)}`).join(', ')}}`;
  if ('$list' in value) {
    const item = toLiteral(value.$list, world);
    return `[${Array.from({ length: value.times }, () => item).join(',')}]`;
  }
  return JSON.stringify(toJson(value, world));
}

/** Every string the value sends: an error may quote them back, which is not a leak. */
export function sentStrings(value: FuzzValue, world: FuzzWorld): string[] {
  const json = toJson(value, world);
  const strings: string[] = [];
  const walk = (item: unknown): void => {
    if (typeof item === 'string') strings.push(item);
    else if (Array.isArray(item)) item.slice(0, 16).forEach(walk); // a huge list repeats one item
    else if (item && typeof item === 'object') Object.values(item).forEach(walk);
  };
  walk(json);
  return strings;
}

function resolveRef(ref: { $ref: Pool; index: number }, world: FuzzWorld): string {
  const pool = world.pools[ref.$ref];
  return pool.length > 0 ? pool[ref.index % pool.length] : '';
}

/** What a forged cursor puts in place of a real cursor's parts: wrong types, impossible dates, SQL. */
const FORGED_PARTS: ((parts: unknown[]) => unknown)[] = [
  (parts) => parts.map(() => 'x'),
  (parts) => ['not-a-date', ...parts.slice(1)],
  (parts) => [parts[0], 'not-a-uuid'],
  (parts) => ['294277-01-01T00:00:00Z', ...parts.slice(1)],
  (parts) => parts.map(() => "' OR 1=1 --"),
  (parts) => [...parts, 'extra'],
  (parts) => parts.map(() => 1e308),
  (parts) => parts.map(() => ({})),
  (parts) => [parts[1], parts[0]],
  () => null,
];

/** A real cursor with its content forged, encoded as the API encodes cursors (base64url of JSON), so it passes a shape check. */
function forgeCursor(real: string, variant: number): string {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
  } catch {
    return `${real}x`;
  }
  const forged = FORGED_PARTS[variant % FORGED_PARTS.length](Array.isArray(parts) ? parts : [parts]);
  return Buffer.from(JSON.stringify(forged)).toString('base64url');
}

function fresh(kind: 'email' | 'reference' | 'card'): string {
  freshSequence += 1;
  const unique = `${Date.now().toString(36)}${freshSequence.toString(36)}`;
  if (kind === 'email') return `fuzz-${unique}@example.id`;
  if (kind === 'card') return `7${String(Date.now() * 100 + (freshSequence % 100)).padStart(15, '0').slice(-15)}`;
  return `fuzz-ref-${unique}`;
}
