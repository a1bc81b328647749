/** Adding an organisation the programme already knows to this partner's stakeholder group. */
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton } from '../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Organisation, Partner } from '../service.js';

export function OrganisationLinkPage({ partner, candidates, state }: { partner: Partner; candidates: Organisation[]; state?: FormState }) {
  const { t } = useView();
  const title = t('partners.organisations.link.title');
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/partners/${partner.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={partner.name}>{title}</PageHeading>
      {candidates.length === 0 ? (
        <p>
          {t('partners.organisations.link.none')} <a href={`/partners/${partner.id}/organisations/new`}>{t('partners.organisations.add')}</a>
        </p>
      ) : (
        <Form action={`/partners/${partner.id}/organisations/link`}>
          <SelectField
            name="organisationId"
            label={t('partners.organisations.link.organisationId.label')}
            state={state}
            placeholder={t('common.choose')}
            options={candidates.map((organisation) => ({
              value: String(organisation.id),
              label: `${organisation.name} (${t(`partners.helix.${organisation.helix}`)})`,
            }))}
          />
          <RadioGroup
            name="inRegion"
            legend={t('partners.organisations.form.inRegion.label', { region: partner.nutsName || partner.nutsCode })}
            state={state}
            options={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
          />
          <SubmitButton>{t('partners.organisations.link.submit')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}
