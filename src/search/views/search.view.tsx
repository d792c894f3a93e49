import type { CategoryReference } from '../../catalog/category-directory';
import { ModuleCard, ModuleCardData } from '../../catalog/views/module-card';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { ModuleSort, type SearchModulesInput } from '../dto/search-modules.input';
import { emptyFacets } from '../facet-names';
import type { FacetCount, FacetName } from '../search-engine.port';
import { SearchFacets } from './search-facets';
import { activeFilterCount, hasFilters, PARAM_OF, Refusals, searchUrl, SORT_CHOICES } from './search-params';

export interface SearchResults {
  cards: ModuleCardData[];
  totalHits: number;
  /** False when the engine stopped counting: totalHits is a lower bound. */
  totalHitsExact: boolean;
  page: number;
  totalPages: number;
  facets: Record<FacetName, FacetCount[]>;
}

interface SearchViewProps {
  ctx: PageContext;
  input: SearchModulesInput;
  refused: Refusals;
  categories: CategoryReference[];
  /** null while the search engine is unavailable. */
  results: SearchResults | null;
}

const count = new Intl.NumberFormat('id-ID');

/** "12 modul", or "1.000+ modul" when the engine stopped counting (the contract's lower bound). */
const moduleCount = (results: SearchResults) => `${count.format(results.totalHits)}${results.totalHitsExact ? '' : '+'} modul`;

function headline(input: SearchModulesInput, results: SearchResults | null): string {
  if (!results) return 'Pencarian sedang gangguan';
  if (results.totalHits === 0) return input.query ? `Tidak ada modul untuk “${input.query}”` : 'Tidak ada modul yang cocok';
  return input.query ? `${moduleCount(results)} untuk “${input.query}”` : `${moduleCount(results)} tersedia`;
}

/**
 * The search page: one GET form (search box, sort, filters) whose results
 * (#hasil) and filter counts (#saring) refresh live with JavaScript; without
 * it the Cari and Terapkan buttons submit. Every state is a URL.
 */
export function SearchView({ ctx, input, refused, categories, results }: SearchViewProps) {
  // Open only to show a refusal: on a phone an open panel pushes the results below the fold; the summary says what is chosen.
  const filtersOpen = Object.keys(refused).length > 0;
  const chosen = activeFilterCount(input) + Number((input.sort ?? ModuleSort.RELEVANCE) !== ModuleSort.RELEVANCE);
  const queryError = refused.query ? 'q-galat' : undefined;
  return (
    <Layout ctx={ctx} title={headline(input, results)}>
      <h1>Cari modul pelatihan gratis</h1>
      <form method="get" action="/" data-live="#hasil,#saring">
        <div class="search" role="search">
          <label for="q" class="sr-only">
            Kata kunci
          </label>
          <input type="search" id="q" name={PARAM_OF.query} value={input.query ?? ''} maxLength={200} placeholder="misalnya: budidaya lele, excel, menjahit"
            aria-describedby={queryError} aria-invalid={queryError ? 'true' : undefined} />
          <button type="submit">Cari</button>
        </div>
        {refused.query && (
          <p class="error" id="q-galat">
            {`Kata kunci: ${refused.query}`}
          </p>
        )}
        <div class="layout">
          <details open={filtersOpen}>
            <summary>{chosen > 0 ? `Saring dan urutkan (${chosen} dipilih)` : 'Saring dan urutkan'}</summary>
            <div class="field">
              <label for="urut">Urutkan</label>
              <select id="urut" name={PARAM_OF.sort} aria-describedby={refused.sort ? 'urut-galat' : undefined}>
                {SORT_CHOICES.map((choice) => (
                  <option key={choice.param} value={choice.param} selected={(input.sort ?? ModuleSort.RELEVANCE) === choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
              {refused.sort && (
                <p class="error" id="urut-galat">
                  {refused.sort}
                </p>
              )}
            </div>
            <SearchFacets input={input} facets={results?.facets ?? emptyFacets()} categories={categories} refused={refused} />
            <button type="submit" class="secondary">
              Terapkan
            </button>
          </details>
          <Results input={input} refused={refused} results={results} />
        </div>
      </form>
    </Layout>
  );
}

function Results({ input, refused, results }: { input: SearchModulesInput; refused: Refusals; results: SearchResults | null }) {
  return (
    <section id="hasil" aria-labelledby="hasil-judul">
      <h2 id="hasil-judul">{headline(input, results)}</h2>
      {refused.page && <p class="notice warn">{refused.page}</p>}
      {!results ? (
        <p class="notice bad" role="alert">
          Pencarian sedang tidak bisa dipakai. Coba lagi sebentar lagi.
        </p>
      ) : results.totalHits === 0 ? (
        <NoResults input={input} />
      ) : results.cards.length === 0 ? (
        <p>
          Halaman ini kosong. <a href={searchUrl(input)}>Kembali ke halaman pertama</a>
        </p>
      ) : (
        <>
          <ul class="cards">
            {results.cards.map((card) => (
              <ModuleCard key={card.slug} module={card} />
            ))}
          </ul>
          <Pager input={input} page={results.page} totalPages={results.totalPages} />
        </>
      )}
    </section>
  );
}

function NoResults({ input }: { input: SearchModulesInput }) {
  return (
    <>
      <p>Coba:</p>
      <ul>
        {input.query && <li>pakai lebih sedikit kata, atau kata yang lebih umum;</li>}
        {input.query && <li>periksa ejaannya;</li>}
        {hasFilters(input) && (
          <li>
            <a href={searchUrl({ query: input.query, sort: input.sort })}>hapus semua saringan</a> (kata kunci tetap);
          </li>
        )}
        <li>
          <a href="/">lihat semua modul</a>.
        </li>
      </ul>
    </>
  );
}

function Pager({ input, page, totalPages }: { input: SearchModulesInput; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  return (
    <nav class="pager" aria-label="Halaman hasil">
      {page > 1 ? (
        <a href={searchUrl(input, page - 1)} rel="prev">
          ← Sebelumnya
        </a>
      ) : (
        <span />
      )}
      <span>{`Halaman ${page} dari ${totalPages}`}</span>
      {page < totalPages ? (
        <a href={searchUrl(input, page + 1)} rel="next">
          Berikutnya →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
