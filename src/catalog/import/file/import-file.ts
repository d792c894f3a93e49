import { parse } from 'csv-parse/sync';
import { extname } from 'node:path';
import { listingToItem, LISTING_COLUMNS } from './prakerja-listing';
import { categoryKey } from './prakerja-categories';
import { IMPORT_FILE_WORDING, ImportFileWording, ImportLanguage } from './import-file-wording';

/** One problem of one row: `row` is the CSV line number (header = 1) or the JSON item number (from 1). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ParsedFile {
  /** Plain objects shaped like ModuleInput, in file order. */
  items: Record<string, unknown>[];
  /** The row number of each item. */
  rows: number[];
  errors: RowError[];
}

/** A problem of the whole file (encoding, quoting, columns): nothing in it is imported. */
export class FileError extends Error {}

export const MODULE_COLUMNS = ['title', 'summary', 'description', 'category', 'skills', 'level', 'language', 'deliveryMode', 'priceIdr', 'certificate', 'lessons'] as const;
const REQUIRED_MODULE_COLUMNS = ['title', 'summary', 'description', 'category', 'skills', 'level', 'deliveryMode', 'priceIdr', 'lessons'];

/**
 * Reads an import file: UTF-8 (a BOM is dropped), JSON (an array of
 * ModuleInput objects) or CSV with either the module columns or Prakerja's
 * listing columns. Categories are given by slug, or by a name of `categoryMap`.
 * `name` (a path or an uploaded file's name) chooses JSON by its extension;
 * messages are in `language` (the CLI's English, the upload page's Indonesian).
 */
export function readImportFile(name: string, content: Buffer, categoryMap: Map<string, string>, language: ImportLanguage = 'en'): ParsedFile {
  const wording = IMPORT_FILE_WORDING[language];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new FileError(wording.notUtf8(name));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = extname(name).toLowerCase() === '.json' ? readJson(text, wording) : readCsv(text, wording);
  const mapCategory = (item: Record<string, unknown>) => {
    if (typeof item.categorySlug === 'string') item.categorySlug = categoryMap.get(categoryKey(item.categorySlug)) ?? item.categorySlug.trim();
  };
  parsed.items.forEach(mapCategory);
  parsed.errors.push(...duplicateTitles(parsed, wording));
  return parsed;
}

function readJson(text: string, wording: ImportFileWording): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileError(wording.invalidJson((error as Error).message));
  }
  if (!Array.isArray(value)) throw new FileError(wording.notAnArray);
  const errors: RowError[] = [];
  const items = value.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row: index + 1, field: '', message: wording.notAnObject });
      return {};
    }
    return withContractDefaults(item as Record<string, unknown>);
  });
  return { items, rows: items.map((_, index) => index + 1), errors };
}

/** The ModuleInput defaults the API's schema gives an absent field (language 'id', no certificate). */
function withContractDefaults(item: Record<string, unknown>): Record<string, unknown> {
  return { ...item, language: item.language === undefined ? 'id' : item.language, certificate: item.certificate === undefined ? false : item.certificate };
}

function readCsv(text: string, wording: ImportFileWording): ParsedFile {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const { message, code, lines } = error as Error & { code?: string; lines?: number };
    throw new FileError(wording.malformedCsv(message, code, lines));
  }
  if (records.length < 2) throw new FileError(wording.noRows);
  const [header, ...data] = records;
  const columns = header.map((column) => column.trim());
  const isListing = LISTING_COLUMNS.every((column) => columns.includes(column)) && !columns.includes('summary');
  const known: readonly string[] = isListing ? LISTING_COLUMNS : MODULE_COLUMNS;
  const unknown = columns.filter((column) => !known.includes(column));
  if (unknown.length > 0) throw new FileError(wording.unknownColumns(unknown, MODULE_COLUMNS));
  const missing = (isListing ? LISTING_COLUMNS : REQUIRED_MODULE_COLUMNS).filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new FileError(wording.missingColumns(missing));
  const errors: RowError[] = [];
  const items = data.map((record, index) => {
    const row = Object.fromEntries(columns.map((column, i) => [column, record[i]]));
    return isListing ? listingToItem(row) : moduleRowToItem(row, index + 2, errors, wording);
  });
  return { items, rows: data.map((_, index) => index + 2), errors };
}

/** CSV cells to ModuleInput fields; values are left as written when they do not convert, so the API's rules name the field. */
function moduleRowToItem(row: Record<string, string>, line: number, errors: RowError[], wording: ImportFileWording): Record<string, unknown> {
  const item: Record<string, unknown> = {
    title: row.title,
    summary: row.summary,
    description: row.description,
    categorySlug: row.category,
    skills: row.skills.split(';').map((skill) => skill.trim()).filter(Boolean),
    level: row.level.trim().toUpperCase(),
    language: row.language?.trim() || 'id',
    deliveryMode: row.deliveryMode.trim().toUpperCase(),
    priceIdr: /^\s*-?\d+\s*$/.test(row.priceIdr) ? Number(row.priceIdr) : row.priceIdr,
    certificate: ['true', 'yes', '1'].includes((row.certificate ?? '').trim().toLowerCase()),
  };
  try {
    item.lessons = JSON.parse(row.lessons);
  } catch {
    errors.push({ row: line, field: 'lessons', message: wording.lessonsNotJson });
  }
  return item;
}

function duplicateTitles({ items, rows }: ParsedFile, wording: ImportFileWording): RowError[] {
  const firstRow = new Map<string, number>();
  const errors: RowError[] = [];
  items.forEach((item, index) => {
    if (typeof item.title !== 'string') return;
    const key = item.title.trim().replace(/\s+/g, ' ').toLowerCase();
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, rows[index]);
    else errors.push({ row: rows[index], field: 'title', message: wording.sameTitleAs(first) });
  });
  return errors;
}
