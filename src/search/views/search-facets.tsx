import type { CategoryReference } from '../../catalog/category-directory';
import { languageLabel } from '../../catalog/views/labels';
import type { SearchModulesInput } from '../dto/search-modules.input';
import type { FacetCount, FacetName } from '../search-engine.port';
import { Choice, DELIVERY_MODE_CHOICES, LEVEL_CHOICES, PARAM_OF, PRICE_CHOICES, Refusals, YES } from './search-params';

interface Option {
  param: string;
  label: string;
  count: number;
  checked: boolean;
}

const countOf = (counts: FacetCount[], value: string): number => counts.find((entry) => entry.value === value)?.count ?? 0;

/** A filter's options that lead somewhere: those with modules, and those chosen (so they can be unchosen). */
const shown = (options: Option[]) => options.filter((option) => option.count > 0 || option.checked);

function choiceOptions<T>(choices: Choice<T>[], counts: FacetCount[], chosen: readonly T[] | null | undefined): Option[] {
  return choices.map((choice) => ({ param: choice.param, label: choice.label, count: countOf(counts, String(choice.value)), checked: chosen?.includes(choice.value) ?? false }));
}

interface FacetProps {
  legend: string;
  name: string;
  options: Option[];
  error?: string;
}

/** One filter as a fieldset of checkboxes with their counts; several may be chosen. Ids stay stable, so focus survives a live refresh. */
function Facet({ legend, name, options, error }: FacetProps) {
  const visible = shown(options);
  if (visible.length === 0 && !error) return null;
  const errorId = error ? `${name}-galat` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend>{legend}</legend>
      {visible.map((option) => (
        <label class="check" key={option.param}>
          <input type="checkbox" name={name} value={option.param} id={`${name}-${option.param}`} checked={option.checked} />
          {` ${option.label} (${option.count})`}
        </label>
      ))}
      {error && (
        <p class="error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface SearchFacetsProps {
  input: SearchModulesInput;
  facets: Record<FacetName, FacetCount[]>;
  categories: CategoryReference[];
  refused: Refusals;
}

/** The filters, each counted over the results with every other filter applied (#saring: refreshed live with the results). */
export function SearchFacets({ input, facets, categories, refused }: SearchFacetsProps) {
  const known = new Set(categories.map((category) => category.slug));
  const categoryOptions = [
    ...categories.map((category) => ({ param: category.slug, label: category.name, count: countOf(facets.category, category.slug), checked: input.categorySlugs?.includes(category.slug) ?? false })),
    ...(input.categorySlugs ?? []).filter((slug) => !known.has(slug)).map((slug) => ({ param: slug, label: slug, count: 0, checked: true })),
  ];
  const languages = [...new Set([...facets.language.map((entry) => entry.value), ...(input.languages ?? [])])];
  const languageOptions = languages.map((code) => ({ param: code, label: languageLabel(code), count: countOf(facets.language, code), checked: input.languages?.includes(code) ?? false }));
  return (
    <div id="saring">
      <Facet legend="Kategori" name={PARAM_OF.categorySlugs} options={categoryOptions} error={refused.categorySlugs} />
      <Facet legend="Harga" name={PARAM_OF.priceIdr} options={choiceOptions(PRICE_CHOICES, facets.priceIdr, input.priceIdr)} error={refused.priceIdr} />
      <Facet legend="Tingkat" name={PARAM_OF.levels} options={choiceOptions(LEVEL_CHOICES, facets.level, input.levels)} error={refused.levels} />
      <Facet legend="Cara belajar" name={PARAM_OF.deliveryModes} options={choiceOptions(DELIVERY_MODE_CHOICES, facets.deliveryMode, input.deliveryModes)} error={refused.deliveryModes} />
      <Facet legend="Bahasa" name={PARAM_OF.languages} options={languageOptions} error={refused.languages} />
      <Facet
        legend="Sertifikat"
        name={PARAM_OF.certificate}
        options={[{ param: YES, label: 'Bersertifikat', count: countOf(facets.certificate, 'true'), checked: input.certificate === true }]}
        error={refused.certificate}
      />
      <fieldset aria-describedby={refused.hasQuiz ? 'kuis-galat' : undefined}>
        <legend>Kuis</legend>
        <label class="check">
          <input type="checkbox" name={PARAM_OF.hasQuiz} value={YES} id="kuis-ya" checked={input.hasQuiz === true} /> Ada kuis bernilai
        </label>
        {refused.hasQuiz && (
          <p class="error" id="kuis-galat">
            {refused.hasQuiz}
          </p>
        )}
      </fieldset>
    </div>
  );
}
