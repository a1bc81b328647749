/** The partners, one table per programme, a page of programmes at a time: who takes part, where, and how large each stakeholder group is. */
import { countryName } from '../../../core/i18n/countries.js';
import { ButtonLink, DataTable, PageHeading, Pagination, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Programme } from '../../programmes/service.js';
import type { PartnerSummary } from '../service.js';

export function PartnerListPage({
  programmes,
  partners,
  page,
  pageCount,
}: {
  programmes: Programme[];
  partners: PartnerSummary[];
  page: number;
  pageCount: number;
}) {
  const { t, locale, can } = useView();
  return (
    <Layout title={t('partners.list.title')}>
      <PageHeading>{t('partners.list.title')}</PageHeading>
      <p class="lead">{t('partners.list.intro')}</p>
      {programmes.length === 0 ? <p>{t('partners.list.noProgrammes')}</p> : null}
      {programmes.map((programme) => {
        const own = partners.filter((partner) => partner.programmeId === programme.id);
        return (
          <section key={programme.id} aria-labelledby={`programme-${programme.id}`}>
            <h2 id={`programme-${programme.id}`}>
              <a href={`/programmes/${programme.id}`}>{programme.acronym}</a>
            </h2>
            {own.length === 0 ? (
              <p>{t('partners.list.none')}</p>
            ) : (
              <DataTable
                caption={t('partners.list.caption', { acronym: programme.acronym })}
                head={
                  <tr>
                    <th scope="col">{t('partners.fields.name')}</th>
                    <th scope="col">{t('partners.fields.country')}</th>
                    <th scope="col">{t('partners.fields.region')}</th>
                    <th scope="col">{t('partners.fields.role')}</th>
                    <th scope="col" class="numeric">
                      {t('partners.fields.organisationCount')}
                    </th>
                  </tr>
                }
              >
                {own.map((partner) => (
                  <tr key={partner.id}>
                    <th scope="row">
                      <a href={`/partners/${partner.id}`}>{partner.name}</a>
                    </th>
                    <td>{countryName(locale, partner.countryCode)}</td>
                    <td>
                      {partner.nutsName ? `${partner.nutsName} ` : ''}
                      <span class="code">({partner.nutsCode})</span>
                    </td>
                    <td>{partner.role === 'lead_partner' ? <Tag tone="success">{t('partners.role.lead_partner')}</Tag> : t('partners.role.partner')}</td>
                    <td class="numeric">{partner.organisationCount}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {can('partner.create', { programmeId: programme.id }) ? (
              <ButtonLink href={`/programmes/${programme.id}/partners/new`} variant="secondary">
                {t('partners.list.add')}
              </ButtonLink>
            ) : null}
          </section>
        );
      })}
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => `/partners?page=${target}`} />
    </Layout>
  );
}
