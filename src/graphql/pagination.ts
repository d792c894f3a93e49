import { Field, ObjectType } from '@nestjs/graphql';
import { badInput } from '../common/domain-error';
import { isUuid } from '../common/uuid';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A page of a cursor-paginated list, before its nodes are mapped to GraphQL types. */
export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** An opaque cursor: the sort timestamp and id of the last row of a page. */
export interface Cursor {
  /** ISO 8601 exactly as Date.toISOString writes it (the lists sort by a timestamp, then id). */
  key: string;
  /** A UUID. */
  id: string;
}

/** A cursor this API writes is ~90 characters; anything much longer is not worth decoding. */
const MAX_CURSOR_LENGTH = 256;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/**
 * The cursor of `after`, or null without one. Its parts reach SQL as a
 * timestamptz and a uuid, so anything this API could not have written is
 * BAD_USER_INPUT on `after`, never a failed cast.
 */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  if (value.length <= MAX_CURSOR_LENGTH) {
    try {
      const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      if (Array.isArray(parts) && parts.length === 2 && isTimestamp(parts[0]) && typeof parts[1] === 'string' && isUuid(parts[1])) return { key: parts[0], id: parts[1] };
    } catch {
      // fall through to the error below
    }
  }
  throw badInput('after', 'is not a cursor returned by this API');
}

/** A timestamp as toISOString writes it, in PostgreSQL's range (no year 0) and a real calendar date. */
function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !value.startsWith('0000') && new Date(value).toISOString() === value;
}

/** `first` as given (null means the default), refused outside 1..MAX_PAGE_SIZE. */
export function checkPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  return size;
}

/** Splits the rows fetched with limit first+1 into a page and its PageInfo. */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => Cursor): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}
