import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContributorKind } from '../../src/accounts/user.entity';
import { slugFromTitle } from '../../src/catalog/slug';
import { DeliveryMode, Level } from '../../src/catalog/module-status';
import { toDocument, type DocumentRow } from '../../src/search/module-documents';
import type { Listing } from './eval-types';

export const COURSES_CSV = join(__dirname, '../../../shared/data/prakerja-isw2023/courses.csv');

interface CsvRow {
  provider: string;
  title: string;
  category: string;
  type: string;
  price: string;
}

/** "Gratis" → 0; "Rp 89.700" / "Rp 425000" → the rupiah amount. */
export function priceOf(price: string): number {
  const digits = price.replace(/[^0-9]/g, '');
  return digits === '' ? 0 : Number(digits);
}

/** A stable uuid per row, so runs and engines agree on ids. */
function uuidOf(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The 266 real listings as PUBLISHED modules: each row becomes the database
 * row the documents query would return and goes through the app's own
 * `toDocument`. Only what the listing says is indexed (title, category,
 * provider); summary and description stay empty rather than invented.
 */
export function loadListings(csvPath = COURSES_CSV): Listing[] {
  const rows: CsvRow[] = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((row, index) => {
    const rowId = index + 1;
    const priceIdr = priceOf(row.price);
    const documentRow: DocumentRow = {
      id: uuidOf(`listing-${rowId}`),
      version: 1,
      slug: `${slugFromTitle(row.title)}-${rowId}`,
      title: row.title,
      summary: '',
      description: '',
      skills: [],
      category_id: uuidOf(`category-${row.category}`),
      contributor_id: uuidOf(`provider-${row.provider}`),
      category_slug: slugFromTitle(row.category),
      category_name: row.category,
      contributor_name: row.provider,
      contributor_display_name: row.provider,
      contributor_kind: ContributorKind.ORGANIZATION,
      level: Level.BEGINNER,
      language: 'id',
      delivery_mode: /webinar/i.test(row.type) ? DeliveryMode.WEBINAR : DeliveryMode.SELF_PACED,
      // A module costs Rp0 or Rp1: a paid listing stands for an Rp1 module (free options offer those once the credit is exhausted).
      price_idr: priceIdr === 0 ? 0 : 1,
      certificate: true,
      duration_minutes: 120,
      rating_sum: 0,
      rating_count: 0,
      rating_mean: null,
      has_quiz: false,
      enrollment_count: 0,
      completion_count: 0,
      published_at: new Date(Date.UTC(2023, 0, 1) + rowId * 60_000),
      status: 'PUBLISHED',
    };
    return { rowId, title: row.title, category: row.category, provider: row.provider, priceIdr, document: toDocument(documentRow) };
  });
}
