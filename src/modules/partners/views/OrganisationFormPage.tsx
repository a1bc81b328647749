/** Adding a new organisation to a partner's stakeholder group, or correcting one already in it. */
import { countryOptions } from '../../../core/i18n/countries.js';
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, SelectField, TextField } from '../../../core/views/components/forms.js';
import { BackLink, ButtonLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { helixTypes, sizeClasses } from '../schema.js';
import type { Organisation, Partner } from '../service.js';

interface Props {
  partner: Partner;
  organisation?: Organisation & { inRegion: boolean };
  state?: FormState;
  /** Whether the actor may delete the organisation everywhere (decided with all its links). */
  mayDelete?: boolean;
}

export function OrganisationFormPage({ partner, organisation, state, mayDelete = false }: Props) {
  const { t, locale } = useView();
  const title = organisation ? t('partners.organisations.form.editTitle', { name: organisation.name }) : t('partners.organisations.form.createTitle');
  const inRegion = organisation ? (organisation.inRegion ? 'yes' : 'no') : undefined;
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/partners/${partner.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={partner.name}>{title}</PageHeading>
      <Form action={organisation ? `/partners/${partner.id}/organisations/${organisation.id}` : `/partners/${partner.id}/organisations`}>
        <TextField name="name" label={t('partners.organisations.form.name.label')} value={organisation?.name} state={state} />
        <SelectField
          name="countryCode"
          label={t('partners.organisations.form.countryCode.label')}
          value={organisation?.countryCode ?? partner.countryCode}
          state={state}
          options={countryOptions(locale)}
        />
        <RadioGroup
          name="helix"
          legend={t('partners.organisations.form.helix.label')}
          hint={t('partners.organisations.form.helix.hint')}
          value={organisation?.helix}
          state={state}
          options={helixTypes.map((helix) => ({ value: helix, label: t(`partners.helix.${helix}`) }))}
        />
        <RadioGroup
          name="sizeClass"
          legend={t('partners.organisations.form.sizeClass.label')}
          hint={t('partners.organisations.form.sizeClass.hint')}
          value={organisation?.sizeClass}
          state={state}
          options={sizeClasses.map((size) => ({ value: size, label: t(`partners.sizeClass.${size}`) }))}
        />
        <RadioGroup
          name="inRegion"
          legend={t('partners.organisations.form.inRegion.label', { region: partner.nutsName || partner.nutsCode })}
          value={inRegion}
          state={state}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
        <TextField
          name="website"
          type="url"
          label={t('partners.organisations.form.website.label')}
          value={organisation?.website}
          state={state}
          spellcheck={false}
        />
        <SubmitButton>{organisation ? t('common.actions.saveChanges') : t('partners.organisations.form.create')}</SubmitButton>
      </Form>
      {organisation && mayDelete ? (
        <p>
          <ButtonLink href={`/partners/${partner.id}/organisations/${organisation.id}/delete`} variant="warning">
            {t('partners.organisations.delete')}
          </ButtonLink>
        </p>
      ) : null}
    </Layout>
  );
}
