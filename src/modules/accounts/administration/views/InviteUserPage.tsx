/** Inviting a person: their address, name, language and first role; they choose their own password. */
import { localeNames, locales } from '../../../../core/i18n/locales.js';
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { RoleFields, type RoleOptions } from './RoleFields.js';

export function InviteUserPage({ options, state }: { options: RoleOptions; state?: FormState }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.admin.invite.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/admin/users">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{t('accounts.admin.invite.title')}</PageHeading>
      <p>{t('accounts.admin.invite.intro')}</p>
      <Form action="/admin/users">
        <TextField name="email" type="email" label={t('accounts.invite.email.label')} state={state} autocomplete="off" spellcheck={false} />
        <TextField name="displayName" label={t('accounts.invite.displayName.label')} state={state} autocomplete="off" />
        <SelectField
          name="locale"
          label={t('accounts.invite.locale.label')}
          hint={t('accounts.invite.locale.hint')}
          value="en"
          state={state}
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <RoleFields state={state} options={options} includeAdmin />
        <SubmitButton>{t('accounts.admin.invite.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
