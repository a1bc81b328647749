/** Choosing a password: from a reset link, when accepting an invitation, or on the account page. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { passwordMinLength } from '../schema.js';

interface Props {
  purpose: 'reset' | 'invitation' | 'change';
  action: string;
  email?: string;
  displayName?: string;
  state?: FormState;
}

export function NewPasswordPage({ purpose, action, email, displayName, state }: Props) {
  const { t } = useView();
  const title = t(`accounts.newPassword.${purpose}.title`);
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      {purpose === 'change' ? <BackLink href="/account">{t('common.actions.back')}</BackLink> : null}
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      {purpose === 'invitation' && displayName ? <p>{t('accounts.newPassword.invitation.intro', { name: displayName, email: email ?? '' })}</p> : null}
      <Form action={action}>
        {email ? <input type="hidden" name="username" value={email} autocomplete="username" /> : null}
        {purpose === 'change' ? (
          <TextField name="currentPassword" type="password" label={t('accounts.newPassword.current.label')} autocomplete="current-password" state={state} />
        ) : null}
        <TextField
          name="password"
          type="password"
          label={t('accounts.newPassword.password.label')}
          hint={t('accounts.newPassword.password.hint', { min: passwordMinLength })}
          autocomplete="new-password"
          state={state}
        />
        <TextField name="confirmation" type="password" label={t('accounts.newPassword.confirmation.label')} autocomplete="new-password" state={state} />
        <SubmitButton>{t(`accounts.newPassword.${purpose}.submit`)}</SubmitButton>
      </Form>
    </Layout>
  );
}
