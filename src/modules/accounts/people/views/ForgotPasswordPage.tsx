/** Asking for a password reset link, and the page that follows whatever the address was. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';

export function ForgotPasswordPage({ state }: { state?: FormState }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.forgot.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/sign-in">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{t('accounts.forgot.title')}</PageHeading>
      <p>{t('accounts.forgot.intro')}</p>
      <Form action="/password-reset">
        <TextField name="email" type="email" label={t('accounts.forgot.email.label')} autocomplete="email" state={state} spellcheck={false} />
        <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function CheckEmailPage({ email }: { email: string }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.forgot.sentTitle')}>
      <PageHeading>{t('accounts.forgot.sentTitle')}</PageHeading>
      <p>{t('accounts.forgot.sentBody', { email })}</p>
      <p>{t('accounts.forgot.sentHelp')}</p>
      <p>
        <a href="/sign-in">{t('accounts.signIn.title')}</a>
      </p>
    </Layout>
  );
}

export function LinkExpiredPage() {
  const { t } = useView();
  return (
    <Layout title={t('accounts.link.expiredTitle')}>
      <PageHeading>{t('accounts.link.expiredTitle')}</PageHeading>
      <p>{t('accounts.link.expiredBody')}</p>
      <p>
        <a href="/password-reset">{t('accounts.link.requestNew')}</a>
      </p>
    </Layout>
  );
}
