/** The public catalogue of eGovernment instruments: searched by words, filtered by kind, stage, partner and theme. */
import { Form, SelectField, TextField } from '../../../../core/views/components/forms.js';
import { ButtonLink, PageHeading, Pagination, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import { Layout } from '../../../../core/views/Layout.js';
import { themeName, type Theme } from '../../../themes/service.js';
import type { CatalogueQuery } from '../../schema.js';
import type { CatalogueEntry } from '../service.js';
import { instrumentKinds, stages } from '../../tables.js';

interface Props {
  entries: CatalogueEntry[];
  total: number;
  query: CatalogueQuery;
  page: number;
  pageCount: number;
  /** The partners the filter offers: the one chosen and those with the most instruments under the other filters. */
  partnerFilter: { id: number; name: string }[];
  themes: Theme[];
  mayCreate: boolean;
}

export function catalogueHref(query: CatalogueQuery, page = 1): string {
  const parameters = new URLSearchParams();
  if (query.q) parameters.set('q', query.q);
  if (query.kind) parameters.set('kind', query.kind);
  if (query.stage) parameters.set('stage', query.stage);
  if (query.partner !== null) parameters.set('partner', String(query.partner));
  if (query.theme) parameters.set('theme', query.theme);
  if (page > 1) parameters.set('page', String(page));
  const text = parameters.toString();
  return text ? `/instruments?${text}` : '/instruments';
}

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 217).trimEnd()}…` : text);

export function CataloguePage({ entries, total, query, page, pageCount, partnerFilter, themes, mayCreate }: Props) {
  const { t, locale, formatNumber } = useView();
  // The CSV and JSON downloads follow the search and filters; the CPSV-AP exports are the whole public catalogue.
  const filters = catalogueHref(query).replace('/instruments', '');
  return (
    <Layout title={t('instruments.catalogue.title')}>
      <PageHeading>{t('instruments.catalogue.title')}</PageHeading>
      <p class="lead">{t('instruments.catalogue.intro')}</p>
      <div class="button-group">
        {mayCreate ? <ButtonLink href="/instruments/new">{t('instruments.catalogue.add')}</ButtonLink> : null}
        {mayCreate ? (
          <ButtonLink href="/instruments/import" variant="secondary">
            {t('instruments.catalogue.import')}
          </ButtonLink>
        ) : null}
        <ButtonLink href="/instruments/programme" variant="secondary">
          {t('instruments.catalogue.programme')}
        </ButtonLink>
      </div>
      <Form action="/instruments" method="get" class="filters" label={t('instruments.catalogue.filters')}>
        <TextField name="q" type="search" label={t('instruments.catalogue.search')} value={query.q} />
        <SelectField
          name="kind"
          label={t('instruments.fields.kind')}
          value={query.kind ?? ''}
          placeholder={t('instruments.catalogue.anyKind')}
          options={instrumentKinds.map((kind) => ({ value: kind, label: t(`instruments.kinds.${kind}`) }))}
        />
        <SelectField
          name="stage"
          label={t('instruments.fields.stage')}
          value={query.stage ?? ''}
          placeholder={t('instruments.catalogue.anyStage')}
          options={stages.map((stage) => ({ value: stage, label: t(`instruments.stages.${stage}`) }))}
        />
        <SelectField
          name="partner"
          label={t('instruments.fields.partner')}
          value={query.partner === null ? '' : String(query.partner)}
          placeholder={t('instruments.catalogue.anyPartner')}
          options={partnerFilter.map((partner) => ({ value: String(partner.id), label: partner.name }))}
        />
        <SelectField
          name="theme"
          label={t('instruments.fields.theme')}
          value={query.theme ?? ''}
          placeholder={t('instruments.catalogue.anyTheme')}
          options={themes.map((theme) => ({ value: theme.code, label: themeName(theme, locale) }))}
        />
        <button type="submit" class="button button--secondary">
          {t('common.actions.filter')}
        </button>
      </Form>
      <h2 id="results">{t('instruments.catalogue.results', { count: total, formatted: formatNumber(total) })}</h2>
      {entries.length === 0 ? <p>{t('instruments.catalogue.none')}</p> : null}
      <ol class="result-list" aria-labelledby="results">
        {entries.map((entry) => (
          <li class="result" key={entry.id}>
            <h3 class="result__title" lang={textLanguage(entry.textLanguage, locale)}>
              <a href={`/instruments/${entry.id}`}>{entry.name}</a>
            </h3>
            <p class="result__meta">
              <Tag tone={entry.stage === 'live' || entry.stage === 'scaled' ? 'success' : 'neutral'}>{t(`instruments.stages.${entry.stage}`)}</Tag>{' '}
              {t(`instruments.kinds.${entry.kind}`)} · {entry.partnerName}
              {entry.published ? null : (
                <>
                  {' '}
                  <Tag tone="muted">{t('instruments.catalogue.unpublished')}</Tag>
                </>
              )}
            </p>
            <p lang={textLanguage(entry.textLanguage, locale)}>{excerpt(entry.description)}</p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => catalogueHref(query, target)} />
      <h2>{t('instruments.catalogue.downloads')}</h2>
      <ul>
        <li>
          <a href="/instruments.jsonld">{t('instruments.catalogue.jsonld')}</a>
        </li>
        <li>
          <a href="/instruments.ttl">{t('instruments.catalogue.turtle')}</a>
        </li>
        <li>
          <a href={`/instruments.csv${filters}`}>{t('instruments.catalogue.csv')}</a>
        </li>
        <li>
          <a href={`/instruments.json${filters}`}>{t('instruments.catalogue.json')}</a>
        </li>
      </ul>
    </Layout>
  );
}
