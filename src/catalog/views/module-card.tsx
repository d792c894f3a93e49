import { formatDuration, formatPrice } from '../../web/format';
import { Level } from '../module-status';
import { LEVEL_LABELS } from './labels';

/** What a module card shows; each page maps its own data (a search hit, a free option, a module) to it. */
export interface ModuleCardData {
  slug: string;
  title: string;
  summary: string;
  /** Sanitised highlight HTML (search hits): text escaped, only <mark> added. When set, shown instead of title/summary. */
  highlight?: { titleHtml: string; summaryHtml: string };
  contributorName: string;
  categoryName?: string;
  level: Level;
  durationMinutes: number;
  priceIdr: number;
  ratingAverage: number | null;
  ratingCount: number;
  certificate?: boolean;
}

/** The module fields a card reads: a GraphQL module model (ratingAverage) or a row (ratingSum). */
type CardSource = Pick<ModuleCardData, 'slug' | 'title' | 'summary' | 'level' | 'durationMinutes' | 'priceIdr' | 'ratingCount' | 'certificate'> & {
  ratingAverage?: number | null;
  ratingSum?: number;
};

/** The card of a module, with the names the caller looked up (batched per page) and a search hit's highlight. */
export function moduleCardOf(module: CardSource, names: { contributorName: string; categoryName?: string }, highlight?: ModuleCardData['highlight']): ModuleCardData {
  const ratingAverage = module.ratingAverage !== undefined ? module.ratingAverage : module.ratingCount > 0 && module.ratingSum !== undefined ? module.ratingSum / module.ratingCount : null;
  return {
    slug: module.slug,
    title: module.title,
    summary: module.summary,
    highlight,
    ...names,
    level: module.level,
    durationMinutes: module.durationMinutes,
    priceIdr: module.priceIdr,
    ratingAverage,
    ratingCount: module.ratingCount,
    certificate: module.certificate,
  };
}

const rating = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** One module in a list: its title links to /modul/{slug}; price Rp0 reads "Gratis". */
export function ModuleCard({ module, headingLevel = 3 }: { module: ModuleCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = `/modul/${encodeURIComponent(module.slug)}`;
  return (
    <li class="card">
      <Heading>
        {module.highlight ? <a href={href} dangerouslySetInnerHTML={{ __html: module.highlight.titleHtml }} /> : <a href={href}>{module.title}</a>}
      </Heading>
      {module.highlight ? <p dangerouslySetInnerHTML={{ __html: module.highlight.summaryHtml }} /> : <p>{module.summary}</p>}
      <ul class="meta">
        <li class={module.priceIdr === 0 ? 'price-free' : undefined}>{formatPrice(module.priceIdr)}</li>
        <li>{module.contributorName}</li>
        {module.categoryName && <li>{module.categoryName}</li>}
        <li>{LEVEL_LABELS[module.level]}</li>
        <li>{formatDuration(module.durationMinutes)}</li>
        <li>{module.ratingCount > 0 && module.ratingAverage !== null ? `★ ${rating.format(module.ratingAverage)} (${module.ratingCount} ulasan)` : 'Belum ada ulasan'}</li>
        {module.certificate && <li>Bersertifikat</li>}
      </ul>
    </li>
  );
}
