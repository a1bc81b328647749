/** Signing in; in demo mode the demo accounts are listed so anyone can try each role. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { DataTable, Inset, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';

export interface DemoAccountListing {
  email: string;
  role: string;
  description: string;
}

export function SignInPage({
  state,
  next,
  demoAccounts,
  demoPassword,
}: {
  state?: FormState;
  next: string;
  demoAccounts?: DemoAccountListing[];
  demoPassword?: string;
}) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.signIn.title')} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading>{t('accounts.signIn.title')}</PageHeading>
      <Form action="/sign-in">
        <input type="hidden" name="next" value={next} />
        <TextField name="email" type="email" label={t('accounts.signIn.email.label')} autocomplete="username" state={state} spellcheck={false} />
        <TextField name="password" type="password" label={t('accounts.signIn.password.label')} autocomplete="current-password" state={state} />
        <SubmitButton>{t('accounts.signIn.submit')}</SubmitButton>
      </Form>
      <p>
        <a href="/password-reset">{t('accounts.signIn.forgot')}</a>
      </p>
      {demoAccounts && demoAccounts.length > 0 ? (
        <section aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">{t('accounts.demo.title')}</h2>
          <Inset>
            <p>{t('accounts.demo.intro', { password: demoPassword ?? '' })}</p>
          </Inset>
          <DataTable
            caption={t('accounts.demo.caption')}
            head={
              <tr>
                <th scope="col">{t('accounts.demo.role')}</th>
                <th scope="col">{t('accounts.demo.email')}</th>
                <th scope="col">{t('accounts.demo.description')}</th>
              </tr>
            }
          >
            {demoAccounts.map((account) => (
              <tr key={account.email}>
                <th scope="row">{t(`accounts.roles.names.${account.role}`)}</th>
                <td>
                  <code>{account.email}</code>
                </td>
                <td>{account.description}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </Layout>
  );
}
