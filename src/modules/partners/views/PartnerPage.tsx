/** One partner: its facts, its contact (signed-in users only) and its regional stakeholder group. */
import type { JSX } from 'preact';
import { countryName } from '../../../core/i18n/countries.js';
import { ButtonLink, DataTable, PageHeading, Stat, SummaryList, Tag, type SummaryRow } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { FollowButton } from '../../notifications/service.js';
import type { Programme } from '../../programmes/service.js';
import { helixTypes } from '../schema.js';
import type { PartnerWithGroup } from '../service.js';

export function PartnerPage({
  partner,
  programme,
  sections = [],
  following,
}: {
  partner: PartnerWithGroup;
  programme: Programme;
  sections?: JSX.Element[];
  /** Whether the signed-in person follows the partner; undefined shows no follow button. */
  following?: boolean | undefined;
}) {
  const { t, locale, can } = useView();
  const scope = { programmeId: partner.programmeId, partnerIds: [partner.id] };
  const rows: SummaryRow[] = [
    { key: t('partners.fields.shortName'), value: partner.shortName },
    { key: t('partners.fields.programme'), value: <a href={`/programmes/${programme.id}`}>{programme.title}</a> },
    { key: t('partners.fields.country'), value: `${countryName(locale, partner.countryCode)} (${partner.countryCode})` },
    { key: t('partners.fields.region'), value: `${partner.nutsName ? `${partner.nutsName} ` : ''}(NUTS ${partner.nutsCode})` },
  ];
  if (partner.website) rows.push({ key: t('partners.fields.website'), value: <a href={partner.website}>{partner.website}</a> });
  if (partner.contactName || partner.contactEmail) {
    rows.push({
      key: t('partners.fields.contact'),
      value: (
        <>
          {partner.contactName}
          {partner.contactName && partner.contactEmail ? ', ' : ''}
          {partner.contactEmail ? <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a> : null}
        </>
      ),
    });
  }
  const byHelix = helixTypes.map((helix) => ({ helix, count: partner.organisations.filter((organisation) => organisation.helix === helix).length }));
  const mayChangeGroup = can('organisation.link', scope);

  return (
    <Layout title={partner.name}>
      <PageHeading caption={programme.acronym}>{partner.name}</PageHeading>
      {following !== undefined ? <FollowButton type="partner" id={partner.id} following={following} /> : null}
      {partner.role === 'lead_partner' ? (
        <p>
          <Tag tone="success">{t('partners.role.lead_partner')}</Tag>
        </p>
      ) : null}
      <SummaryList rows={rows} />
      {can('partner.update', scope) || can('partner.delete', scope) ? (
        <div class="button-group">
          {can('partner.update', scope) ? (
            <ButtonLink href={`/partners/${partner.id}/edit`} variant="secondary">
              {t('partners.page.edit')}
            </ButtonLink>
          ) : null}
          {can('partner.delete', scope) ? (
            <ButtonLink href={`/partners/${partner.id}/delete`} variant="warning">
              {t('partners.page.delete')}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="stakeholders">
        <h2 id="stakeholders">{t('partners.page.stakeholders')}</h2>
        <p>{t('partners.page.stakeholdersIntro')}</p>
        <ul class="stat-list">
          {byHelix.map(({ helix, count }) => (
            <Stat key={helix} value={count}>
              <span class="stat-list__label">{t(`partners.helix.${helix}`)}</span>
            </Stat>
          ))}
        </ul>
        {partner.organisations.length === 0 ? (
          <p>{t('partners.page.noStakeholders')}</p>
        ) : (
          <DataTable
            caption={t('partners.page.stakeholdersCaption', { name: partner.shortName })}
            head={
              <tr>
                <th scope="col">{t('partners.organisations.fields.name')}</th>
                <th scope="col">{t('partners.organisations.fields.helix')}</th>
                <th scope="col">{t('partners.organisations.fields.sizeClass')}</th>
                <th scope="col">{t('partners.organisations.fields.country')}</th>
                <th scope="col">{t('partners.organisations.fields.inRegion')}</th>
                {mayChangeGroup ? <th scope="col">{t('common.actions.label')}</th> : null}
              </tr>
            }
          >
            {partner.organisations.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row">{organisation.website ? <a href={organisation.website}>{organisation.name}</a> : organisation.name}</th>
                <td>{t(`partners.helix.${organisation.helix}`)}</td>
                <td>{organisation.sizeClass ? t(`partners.sizeClass.${organisation.sizeClass}`) : <span aria-label={t('common.notApplicable')}>–</span>}</td>
                <td>{countryName(locale, organisation.countryCode)}</td>
                <td>{organisation.inRegion ? t('common.yes') : t('common.no')}</td>
                {mayChangeGroup ? (
                  <td>
                    <ul class="inline-list">
                      <li>
                        <a href={`/partners/${partner.id}/organisations/${organisation.id}/edit`}>
                          {t('common.actions.edit')}
                          <span class="visually-hidden"> {organisation.name}</span>
                        </a>
                      </li>
                      <li>
                        <a href={`/partners/${partner.id}/organisations/${organisation.id}/unlink`}>
                          {t('partners.organisations.unlink')}
                          <span class="visually-hidden"> {organisation.name}</span>
                        </a>
                      </li>
                    </ul>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {can('organisation.create', scope) ? (
          <div class="button-group">
            <ButtonLink href={`/partners/${partner.id}/organisations/new`} variant="secondary">
              {t('partners.organisations.add')}
            </ButtonLink>
            <ButtonLink href={`/partners/${partner.id}/organisations/link`} variant="secondary">
              {t('partners.organisations.linkExisting')}
            </ButtonLink>
          </div>
        ) : null}
      </section>
      {sections}
    </Layout>
  );
}
