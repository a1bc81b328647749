/** Creating or editing a partner; only coordinators choose the role (lead partner or partner). */
import { countryOptions } from '../../../core/i18n/countries.js';
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextField } from '../../../core/views/components/forms.js';
import { BackLink, PageHeading, SummaryList } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Programme } from '../../programmes/service.js';
import { partnerRoles } from '../schema.js';
import type { Partner } from '../service.js';

export function PartnerFormPage({ programme, partner, state }: { programme: Programme; partner?: Partner; state?: FormState }) {
  const { t, locale, can } = useView();
  const title = partner ? t('partners.form.editTitle', { name: partner.name }) : t('partners.form.createTitle');
  const mayAssignRole = can('partner.assign_role', { programmeId: programme.id });
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={partner ? `/partners/${partner.id}` : '/partners'}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={programme.acronym}>{title}</PageHeading>
      <Form action={partner ? `/partners/${partner.id}` : `/programmes/${programme.id}/partners`}>
        <TextField name="name" label={t('partners.form.name.label')} hint={t('partners.form.name.hint')} value={partner?.name} state={state} />
        <TextField
          name="shortName"
          label={t('partners.form.shortName.label')}
          hint={t('partners.form.shortName.hint')}
          value={partner?.shortName}
          state={state}
          width="medium"
        />
        <SelectField
          name="countryCode"
          label={t('partners.form.countryCode.label')}
          value={partner?.countryCode}
          state={state}
          options={countryOptions(locale)}
          placeholder={t('common.choose')}
        />
        <TextField
          name="nutsCode"
          label={t('partners.form.nutsCode.label')}
          hint={t('partners.form.nutsCode.hint')}
          value={partner?.nutsCode}
          state={state}
          width="short"
          spellcheck={false}
        />
        <TextField name="nutsName" label={t('partners.form.nutsName.label')} value={partner?.nutsName} state={state} width="medium" />
        {mayAssignRole ? (
          <RadioGroup
            name="role"
            legend={t('partners.form.role.label')}
            value={partner?.role ?? 'partner'}
            state={state}
            options={partnerRoles.map((role) => ({ value: role, label: t(`partners.role.${role}`) }))}
          />
        ) : (
          <>
            <SummaryList rows={[{ key: t('partners.form.role.label'), value: t(`partners.role.${partner?.role ?? 'partner'}`) }]} />
            <input type="hidden" name="role" value={partner?.role ?? 'partner'} />
          </>
        )}
        <TextField
          name="website"
          type="url"
          label={t('partners.form.website.label')}
          hint={t('partners.form.website.hint')}
          value={partner?.website}
          state={state}
          spellcheck={false}
        />
        <h2>{t('partners.form.contactHeading')}</h2>
        <p class="field__hint">{t('partners.form.contactHint')}</p>
        <TextField name="contactName" label={t('partners.form.contactName.label')} value={partner?.contactName} state={state} autocomplete="off" />
        <TextField
          name="contactEmail"
          type="email"
          label={t('partners.form.contactEmail.label')}
          value={partner?.contactEmail}
          state={state}
          autocomplete="off"
          spellcheck={false}
        />
        <SubmitButton>{partner ? t('common.actions.saveChanges') : t('partners.form.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}
