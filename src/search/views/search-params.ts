import { DeliveryMode, Level } from '../../catalog/module-status';
import { DELIVERY_MODE_LABELS, LEVEL_LABELS } from '../../catalog/views/labels';
import { asList, asText, readForm } from '../../web/form';
import { ModuleSort, SearchModulesInput } from '../dto/search-modules.input';

/** Results per page on the search page (the contract allows up to 100; 20 keeps the page light on a phone). */
export const PAGE_SIZE = 20;

/** A choice as the URL spells it (Indonesian, stable: people share these links) and as the page shows it. */
export interface Choice<T> {
  value: T;
  param: string;
  label: string;
}

export const LEVEL_CHOICES: Choice<Level>[] = [
  { value: Level.BEGINNER, param: 'pemula', label: LEVEL_LABELS[Level.BEGINNER] },
  { value: Level.INTERMEDIATE, param: 'menengah', label: LEVEL_LABELS[Level.INTERMEDIATE] },
  { value: Level.ADVANCED, param: 'mahir', label: LEVEL_LABELS[Level.ADVANCED] },
];

export const DELIVERY_MODE_CHOICES: Choice<DeliveryMode>[] = [
  { value: DeliveryMode.SELF_PACED, param: 'mandiri', label: DELIVERY_MODE_LABELS[DeliveryMode.SELF_PACED] },
  { value: DeliveryMode.WEBINAR, param: 'webinar', label: DELIVERY_MODE_LABELS[DeliveryMode.WEBINAR] },
  { value: DeliveryMode.OFFLINE, param: 'tatap-muka', label: DELIVERY_MODE_LABELS[DeliveryMode.OFFLINE] },
  { value: DeliveryMode.BLENDED, param: 'campuran', label: DELIVERY_MODE_LABELS[DeliveryMode.BLENDED] },
];

export const PRICE_CHOICES: Choice<number>[] = [
  { value: 0, param: 'gratis', label: 'Gratis' },
  { value: 1, param: 'rp1', label: 'Rp1' },
];

export const SORT_CHOICES: Choice<ModuleSort>[] = [
  { value: ModuleSort.RELEVANCE, param: 'relevan', label: 'Paling sesuai' },
  { value: ModuleSort.NEWEST, param: 'terbaru', label: 'Terbaru' },
  { value: ModuleSort.RATING, param: 'rating', label: 'Rating tertinggi' },
  { value: ModuleSort.POPULARITY, param: 'populer', label: 'Paling banyak diikuti' },
  { value: ModuleSort.DURATION_ASC, param: 'durasi-pendek', label: 'Durasi terpendek' },
  { value: ModuleSort.DURATION_DESC, param: 'durasi-panjang', label: 'Durasi terpanjang' },
];

/** The query parameter of each SearchModulesInput field the page offers. */
export const PARAM_OF = {
  query: 'q',
  categorySlugs: 'kategori',
  levels: 'tingkat',
  languages: 'bahasa',
  deliveryModes: 'cara',
  priceIdr: 'harga',
  certificate: 'sertifikat',
  hasQuiz: 'kuis',
  sort: 'urut',
  page: 'halaman',
} as const;

export type SearchField = keyof typeof PARAM_OF;

/** A boolean filter's values in the URL. */
export const YES = 'ya';
const NO = 'tidak';

/** Fields the user refused, with the message shown beside them; their values were left out of the search. */
export type Refusals = Partial<Record<SearchField, string>>;

const REFUSAL_OF_CHOICE = 'Pilihan ini tidak dikenal, jadi diabaikan.';

/** A known parameter value becomes the contract's value; an unknown one is passed on as written, for the input's rules to refuse. */
const fromParam = <T>(choices: Choice<T>[], raw: string): T | string => choices.find((choice) => choice.param === raw)?.value ?? raw;

function rawValues(query: Record<string, unknown>): Partial<Record<SearchField, unknown>> {
  const list = <T>(name: string, read: (raw: string) => T | string = (raw) => raw) => {
    const values = asList(query[name]).map(read);
    return values.length > 0 ? values : undefined;
  };
  // One value expected: sent twice (an array) or as an object, it counts as absent.
  const single = (name: string) => asText(query[name]) || undefined;
  const sort = single(PARAM_OF.sort);
  const page = single(PARAM_OF.page);
  const flag = (name: string) => {
    const raw = single(name);
    return raw === YES ? true : raw === NO ? false : raw;
  };
  return {
    query: asText(query[PARAM_OF.query]),
    categorySlugs: list(PARAM_OF.categorySlugs),
    levels: list(PARAM_OF.levels, (raw) => fromParam(LEVEL_CHOICES, raw)),
    languages: list(PARAM_OF.languages),
    deliveryModes: list(PARAM_OF.deliveryModes, (raw) => fromParam(DELIVERY_MODE_CHOICES, raw)),
    priceIdr: list(PARAM_OF.priceIdr, (raw) => fromParam(PRICE_CHOICES, raw)),
    certificate: flag(PARAM_OF.certificate),
    hasQuiz: flag(PARAM_OF.hasQuiz),
    sort: sort === undefined ? undefined : fromParam(SORT_CHOICES, sort),
    page: page === undefined ? undefined : /^\d{1,9}$/.test(page) ? Number(page) : page,
  };
}

/**
 * The SearchModulesInput of a search page URL, validated by the same class
 * and rules as the searchModules query. A value its rules refuse is left out
 * (the rest still searches) and named in `refused`, so no URL fails the page.
 */
export async function readSearchQuery(query: Record<string, unknown>): Promise<{ input: SearchModulesInput; refused: Refusals }> {
  const values: Record<string, unknown> = { ...rawValues(query), pageSize: PAGE_SIZE };
  const refused: Refusals = {};
  for (;;) {
    const result = await readForm(SearchModulesInput, values);
    if (result.ok) return { input: result.value, refused };
    for (const [path, message] of Object.entries(result.errors)) {
      const field = path.split('.')[0];
      if (field in PARAM_OF) {
        refused[field as SearchField] ??= field === 'query' ? message : field === 'page' ? 'Nomor halaman tidak sah, jadi diabaikan.' : REFUSAL_OF_CHOICE;
        delete values[field];
      } else {
        // A refusal naming no field of the page: nothing of this URL is kept, it browses.
        for (const key of Object.keys(values)) if (key !== 'pageSize') delete values[key];
      }
    }
  }
}

const toParam = <T>(choices: Choice<T>[], value: T): string => choices.find((choice) => choice.value === value)?.param ?? String(value);

/** The search page URL of `input` (default values left out), optionally at another page. */
export function searchUrl(input: SearchModulesInput, page = 1): string {
  const params = new URLSearchParams();
  if (input.query) params.set(PARAM_OF.query, input.query);
  for (const slug of input.categorySlugs ?? []) params.append(PARAM_OF.categorySlugs, slug);
  for (const level of input.levels ?? []) params.append(PARAM_OF.levels, toParam(LEVEL_CHOICES, level));
  for (const language of input.languages ?? []) params.append(PARAM_OF.languages, language);
  for (const mode of input.deliveryModes ?? []) params.append(PARAM_OF.deliveryModes, toParam(DELIVERY_MODE_CHOICES, mode));
  for (const price of input.priceIdr ?? []) params.append(PARAM_OF.priceIdr, toParam(PRICE_CHOICES, price));
  if (input.certificate !== undefined && input.certificate !== null) params.set(PARAM_OF.certificate, input.certificate ? YES : NO);
  if (input.hasQuiz !== undefined && input.hasQuiz !== null) params.set(PARAM_OF.hasQuiz, input.hasQuiz ? YES : NO);
  if (input.sort && input.sort !== ModuleSort.RELEVANCE) params.set(PARAM_OF.sort, toParam(SORT_CHOICES, input.sort));
  if (page > 1) params.set(PARAM_OF.page, String(page));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** Whether any filter narrows the search (the query and the sort are not filters). */
export function hasFilters(input: SearchModulesInput): boolean {
  return activeFilterCount(input) > 0;
}

/** How many filter values are chosen (each ticked facet value, certificate and quiz count once). */
export function activeFilterCount(input: SearchModulesInput): number {
  const lists = [input.categorySlugs, input.levels, input.languages, input.deliveryModes, input.priceIdr].reduce((sum, list) => sum + (list?.length ?? 0), 0);
  return lists + Number((input.certificate ?? null) !== null) + Number((input.hasQuiz ?? null) !== null);
}
