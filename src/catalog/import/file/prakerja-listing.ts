import { DeliveryMode, LessonKind, Level } from '../../module-status';

/** Prakerja's listing export (../shared/data/prakerja-isw2023/courses.csv). */
export const LISTING_COLUMNS = ['provider', 'title', 'category', 'type', 'price'] as const;

const MAX_TITLE = 120;
const MAX_SUMMARY = 300;
const LESSON_MINUTES = 30;

/**
 * A listing holds a provider, a title, a category, a type and a price, no
 * content: everything else is made up here, the same way for every row, and
 * says so (docs/import.md): the title cut to 120 characters at a word, a
 * summary and description from title, provider, type and listed price, the
 * category name as the one skill, BEGINNER, Bahasa Indonesia, priceIdr 0 (the
 * listed price is not this marketplace's), no certificate, and one ARTICLE
 * lesson the contributor replaces before submitting for review.
 */
export function listingToItem(row: Record<string, string>): Record<string, unknown> {
  const fold = (value: string | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');
  const [provider, fullTitle, category, type, price] = [fold(row.provider), fold(row.title), fold(row.category), fold(row.type), fold(row.price)];
  const webinar = /webinar/i.test(type);
  const description =
    `${fullTitle}\n\nPelatihan dari ${provider}, tercatat di Kartu Prakerja (Indonesia Skills Week 2023) sebagai "${type}" dengan harga ${price}. ` +
    'Isi modul ini belum ditulis: kontributor melengkapinya sebelum mengajukan untuk ditinjau.';
  return {
    title: cutAtWord(fullTitle, MAX_TITLE),
    summary: cutAtWord(`Pelatihan ${webinar ? 'webinar' : 'mandiri'} dari ${provider}: ${fullTitle}`, MAX_SUMMARY),
    description,
    categorySlug: category,
    skills: category.length >= 2 ? [cutAtWord(category, 40)] : [],
    level: Level.BEGINNER,
    language: 'id',
    deliveryMode: webinar ? DeliveryMode.WEBINAR : DeliveryMode.SELF_PACED,
    priceIdr: 0,
    certificate: false,
    lessons: [{ title: 'Pengantar', kind: LessonKind.ARTICLE, durationMinutes: LESSON_MINUTES, body: description }],
  };
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
