import slugify from 'slugify';
import { randomBytes } from 'node:crypto';

const MAX_SLUG_LENGTH = 80;

/** A URL slug from a title: lower-case ASCII words joined by dashes. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title, { lower: true, strict: true, locale: 'id', trim: true }).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return slug || 'modul';
}

/** The same slug with a short random suffix, for when the plain one is taken. */
export function withSuffix(slug: string): string {
  return `${slug.slice(0, MAX_SLUG_LENGTH - 7)}-${randomBytes(3).toString('hex')}`;
}

/** Lower-case ASCII words joined by single dashes, as slugFromTitle and withSuffix make them: anything else names no module. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a route value can be a module's slug (checked before any query). */
export const isSlug = (value: string): boolean => value.length <= MAX_SLUG_LENGTH && SLUG.test(value);
