/**
 * The library: a search form, filters with counts, and a page of results with the matched words highlighted.
 * Everything is a GET form and plain links, so it works without scripts and every page has a stable address.
 */
import { countryName } from '../../../../core/i18n/countries.js';
import { Field, Form, SelectField } from '../../../../core/views/components/forms.js';
import { ButtonLink, PageHeading, Pagination } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { PartnerSummary } from '../../../partners/service.js';
import { themeName, type Theme } from '../../../themes/service.js';
import { sortOrders, type SearchQuery } from '../../schema.js';
import type { LibraryPage as Library } from '../service.js';
import { geographicalScopes, practiceStatuses } from '../../tables.js';
import { Highlighted, StatusTag, ThemeList } from './parts.js';

/** The URL of this search with some parameters changed; page 1 unless a page is given. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const parameters = new URLSearchParams();
  if (next.q) parameters.set('q', next.q);
  for (const theme of next.theme) parameters.append('theme', theme);
  for (const country of next.country) parameters.append('country', country);
  for (const partner of next.partner) parameters.append('partner', String(partner));
  for (const scope of next.scope) parameters.append('scope', scope);
  for (const status of next.status) parameters.append('status', status);
  if (next.sort) parameters.set('sort', next.sort);
  if (next.page > 1) parameters.set('page', String(next.page));
  const search = parameters.toString();
  return `/practices${search ? `?${search}` : ''}`;
}

interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** A facet's options that would give results; all of them on a page without results, so the search can be changed. */
function FacetGroup({
  name,
  legend,
  options,
  selected,
  noResults,
}: {
  name: string;
  legend: string;
  options: FacetOption[];
  selected: string[];
  noResults: boolean;
}) {
  const { t } = useView();
  const shown = noResults ? options : options.filter((option) => option.count > 0 || selected.includes(option.value));
  if (shown.length === 0) return null;
  return (
    <fieldset class="fieldset facet">
      <legend class="fieldset__legend">{legend}</legend>
      {shown.map((option) => {
        const id = `facet-${name}-${option.value}`;
        return (
          <div class="checkbox" key={option.value}>
            <input class="checkbox__input" type="checkbox" id={id} name={name} value={option.value} checked={selected.includes(option.value)} />
            <label class="checkbox__label" for={id}>
              {option.label} <span class="facet__count">({t('practices.library.count', { count: option.count })})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

interface Props {
  library: Library;
  query: SearchQuery;
  themes: Theme[];
  /** Every partner the page names (the results' owners and the filter's). */
  partners: PartnerSummary[];
  /** The partners the filter offers: those chosen and the ones with the most matches. */
  partnerFilter: PartnerSummary[];
  mayAdd: boolean;
  mayPropose: boolean;
}

export function LibraryPage({ library, query, themes, partners, partnerFilter, mayAdd, mayPropose }: Props) {
  const { t, locale, formatNumber } = useView();
  const { facets, hits, page, pageCount, staff } = library;
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  const options = (facet: keyof typeof facets.counts, values: { value: string; label: string }[]): FacetOption[] =>
    values.map((entry) => ({ ...entry, count: facets.counts[facet].get(entry.value) ?? 0 }));
  const countries = [...new Set([...facets.counts.country.keys(), ...query.country])].map((code) => ({ value: code, label: countryName(locale, code) }));
  const title = query.q ? t('practices.library.titleWithQuery', { query: query.q }) : t('practices.library.title');
  const noResults = facets.total === 0;
  return (
    <Layout title={title}>
      <PageHeading>{t('practices.library.title')}</PageHeading>
      <p class="lead">{t('practices.library.intro')}</p>
      {mayPropose ? (
        <p>
          <ButtonLink href="/practices/proposals/new" variant="secondary">
            {t('practices.library.propose')}
          </ButtonLink>
        </p>
      ) : null}
      {mayAdd ? (
        <div class="button-group">
          <ButtonLink href="/practices/new">{t('practices.library.add')}</ButtonLink>
          {staff ? (
            <ButtonLink href="/practices/import" variant="secondary">
              {t('practices.library.import')}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      <Form action="/practices" method="get" class="library" label={t('practices.library.searchLabel')}>
        <div class="search-bar" role="search">
          <Field id="field-q" label={t('practices.library.q')} hint={t('practices.library.qHint')}>
            {(control) => (
              <div class="search-bar__row">
                <input class="input input--long" type="search" {...control} name="q" value={query.q} />
                <button type="submit" class="button button--primary">
                  {t('practices.library.search')}
                </button>
              </div>
            )}
          </Field>
        </div>
        <div class="library__layout">
          <div class="library__filters">
            <h2 class="library__heading">{t('practices.library.filters')}</h2>
            <FacetGroup
              name="theme"
              legend={t('practices.fields.themes')}
              selected={query.theme}
              noResults={noResults}
              options={options(
                'theme',
                themes.map((theme) => ({ value: theme.code, label: themeName(theme, locale) })),
              )}
            />
            <FacetGroup
              name="country"
              legend={t('practices.fields.country')}
              selected={query.country}
              noResults={noResults}
              options={options('country', countries)}
            />
            <FacetGroup
              name="partner"
              legend={t('practices.fields.ownerPartner')}
              selected={query.partner.map(String)}
              noResults={noResults}
              options={options(
                'partner',
                partnerFilter.map((partner) => ({ value: String(partner.id), label: partner.shortName })),
              )}
            />
            <FacetGroup
              name="scope"
              legend={t('practices.fields.geographicalScope')}
              selected={query.scope}
              noResults={noResults}
              options={options(
                'scope',
                geographicalScopes.map((scope) => ({ value: scope, label: t(`practices.scope.${scope}`) })),
              )}
            />
            {staff ? (
              <FacetGroup
                name="status"
                legend={t('practices.fields.status')}
                selected={query.status}
                noResults={noResults}
                options={options(
                  'status',
                  practiceStatuses.map((status) => ({ value: status, label: t(`practices.status.${status}`) })),
                )}
              />
            ) : null}
            <SelectField
              name="sort"
              label={t('practices.library.sort')}
              value={query.sort ?? 'relevance'}
              options={sortOrders.map((order) => ({ value: order, label: t(`practices.library.sortOrders.${order}`) }))}
            />
            <button type="submit" class="button button--secondary">
              {t('common.actions.filter')}
            </button>
            {query.q || query.theme.length || query.country.length || query.partner.length || query.scope.length || query.status.length ? (
              <p>
                <a href="/practices">{t('practices.library.clear')}</a>
              </p>
            ) : null}
          </div>
          <div class="library__results">
            <h2 class="library__heading" id="results">
              {t('practices.library.results', { count: facets.total, formatted: formatNumber(facets.total) })}
            </h2>
            {library.suggestion ? (
              <p class="inset">
                {t('practices.library.didYouMean')} <a href={searchHref(query, { q: library.suggestion })}>{library.suggestion}</a>
              </p>
            ) : null}
            {library.matchedAnyWord ? <p class="inset">{t('practices.library.anyWord')}</p> : null}
            {noResults ? <p>{t('practices.library.none')}</p> : null}
            <ol class="result-list" aria-labelledby="results">
              {hits.map((hit) => (
                <li key={hit.id} class="result">
                  <h3 class="result__title">
                    <a href={`/practices/${hit.id}`}>
                      <Highlighted text={hit.titleHighlighted} />
                    </a>
                  </h3>
                  <p class="result__meta">
                    {partnerName.get(hit.ownerPartnerId) ?? ''}
                    {hit.locationCountry ? ` · ${countryName(locale, hit.locationCountry)}` : ''}
                    {hit.geographicalScope ? ` · ${t(`practices.scope.${hit.geographicalScope}`)}` : ''}
                    {hit.status !== 'published' ? (
                      <>
                        {' '}
                        <StatusTag status={hit.status} />
                      </>
                    ) : null}
                  </p>
                  <p class="result__summary" lang={textLanguage(hit.language, locale)}>
                    <Highlighted text={hit.summaryHighlighted} />
                  </p>
                  <ThemeList codes={hit.themes} themes={themes} />
                </li>
              ))}
            </ol>
            <Pagination page={page} pageCount={pageCount} hrefFor={(target) => searchHref(query, { page: target })} />
            {noResults ? null : (
              <p class="export-links">
                {t('practices.library.export')} <a href={`/practices/export.csv${searchHref(query).replace('/practices', '')}`}>CSV</a> ·{' '}
                <a href={`/practices/export.json${searchHref(query).replace('/practices', '')}`}>JSON</a>
              </p>
            )}
          </div>
        </div>
      </Form>
    </Layout>
  );
}
