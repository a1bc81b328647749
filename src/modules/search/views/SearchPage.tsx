/**
 * The platform-wide search: a GET form, the kinds of record as filters with their counts, and the results grouped by
 * kind with the matched words marked. Plain links and a GET form only, so it works without scripts.
 */
import { ErrorSummary, Field, errorFor, fieldId } from '../../../core/views/components/forms.js';
import { Highlighted } from '../../../core/views/components/Highlighted.js';
import { PageHeading, Pagination } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { textLanguage } from '../../../core/views/text-language.js';
import { Layout } from '../../../core/views/Layout.js';
import type { FormState } from '../../../core/validation/forms.js';
import { maxQueryLength, searchHref, type PlatformSearch, type ResultGroup } from '../service.js';

interface Props {
  search: PlatformSearch;
  /** The words and kinds as asked (kept as typed when refused). */
  q: string;
  kinds: string[];
  /** The problems of a refused query; no search was run. */
  state: FormState;
}

function KindFilter({ groups, kinds, state }: { groups: ResultGroup[]; kinds: string[]; state: FormState }) {
  const { t, formatNumber } = useView();
  const error = errorFor(state, 'kind');
  return (
    <Field id={fieldId('kind')} label={t('search.page.kinds')} layout="group" errors={error ? [error] : []}>
      {() =>
        groups.map((group) => {
          const id = `kind-${group.kind}`;
          return (
            <div class="checkbox" key={group.kind}>
              <input class="checkbox__input" type="checkbox" id={id} name="kind" value={group.kind} checked={kinds.includes(group.kind)} />
              <label class="checkbox__label" for={id}>
                {t(group.groupKey)} <span class="facet__count">({formatNumber(group.total)})</span>
              </label>
            </div>
          );
        })
      }
    </Field>
  );
}

function Group({ group, alone }: { group: ResultGroup; alone: boolean }) {
  const { t, locale, formatNumber } = useView();
  const headingId = `results-${group.kind}`;
  const count = t(group.countKey, { count: group.total, formatted: formatNumber(group.total) });
  return (
    <section class="search-group" aria-labelledby={headingId}>
      <h2 class="library__heading" id={headingId}>
        {t(group.groupKey)} <span class="facet__count">({count})</span>
      </h2>
      <ol class="result-list" aria-labelledby={headingId}>
        {group.items.map((item) => (
          <li key={item.id} class="result">
            <h3 class="result__title">
              <a href={item.url} lang={item.language ? textLanguage(item.language, locale) : undefined}>
                <Highlighted text={item.title} />
              </a>
            </h3>
            {item.snippet ? (
              <p class="result__summary" lang={item.language ? textLanguage(item.language, locale) : undefined}>
                <Highlighted text={item.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {/* Alone, a kind shows every result in pages; a kind with its own search (the library) still links to it. */}
      {(alone ? !group.allHref.startsWith('/search') : group.total > group.items.length) ? (
        <p>
          <a href={group.allHref}>{t('search.page.all', { what: count })}</a>
        </p>
      ) : null}
    </section>
  );
}

export function SearchPage({ search, q, kinds, state }: Props) {
  const { t, formatNumber } = useView();
  const refused = state.errors.length > 0;
  const searched = q.trim() !== '' && !refused;
  const alone = kinds.length === 1;
  const shown = search.groups.filter((group) => group.items.length > 0);
  const qError = errorFor(state, 'q');
  return (
    <Layout title={searched ? t('search.page.titleWithQuery', { query: q }) : t('search.page.title')} hasErrors={refused}>
      <PageHeading>{t('search.page.title')}</PageHeading>
      <p class="lead">{t('search.page.intro')}</p>
      <ErrorSummary state={state} />
      <form action="/search" method="get" class="library" aria-label={t('search.page.formLabel')} noValidate>
        <div class="search-bar" role="search">
          <Field id={fieldId('q')} label={t('search.page.q')} hint={t('search.page.qHint', { max: maxQueryLength })} errors={qError ? [qError] : []}>
            {(control) => (
              <div class="search-bar__row">
                <input class="input input--long" type="search" {...control} name="q" value={q} />
                <button type="submit" class="button button--primary">
                  {t('search.page.search')}
                </button>
              </div>
            )}
          </Field>
        </div>
        <div class="library__layout">
          <div class="library__filters">
            <h2 class="library__heading">{t('search.page.filters')}</h2>
            <KindFilter groups={search.groups} kinds={kinds} state={state} />
            <button type="submit" class="button button--secondary">
              {t('common.actions.filter')}
            </button>
            {kinds.length ? (
              <p>
                <a href={searchHref(q)}>{t('search.page.allKinds')}</a>
              </p>
            ) : null}
          </div>
          <div class="library__results">
            {searched ? (
              <p class="library__heading" id="results" role="status">
                {t('search.page.results', { count: search.total, formatted: formatNumber(search.total) })}
              </p>
            ) : null}
            {search.suggestion ? (
              <p class="inset">
                {t('search.page.didYouMean')} <a href={searchHref(search.suggestion, kinds)}>{search.suggestion}</a>
              </p>
            ) : null}
            {search.partial ? <p class="inset">{t('search.page.partial')}</p> : null}
            {searched && search.total === 0 ? <p>{t(kinds.length ? 'search.page.noneOfKinds' : 'search.page.none')}</p> : null}
            {shown.map((group) => (
              <Group key={group.kind} group={group} alone={alone} />
            ))}
            <Pagination page={search.page} pageCount={search.pageCount} hrefFor={(page) => searchHref(q, kinds, page)} />
          </div>
        </div>
      </form>
    </Layout>
  );
}
