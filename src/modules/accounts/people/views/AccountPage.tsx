/** The signed-in person's own account: name and language, roles, password, and a copy of their data. */
import { localeNames, locales } from '../../../../core/i18n/locales.js';
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { AccountView } from '../service.js';
import { MembershipDescription, type ScopeNames } from '../../views/MembershipDescription.js';

export function AccountPage({ account, names, state }: { account: AccountView; names: ScopeNames; state?: FormState }) {
  const { t, formatDateTime } = useView();
  return (
    <Layout title={t('accounts.account.title')} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading>{t('accounts.account.title')}</PageHeading>
      <SummaryList
        rows={[
          { key: t('accounts.account.email'), value: account.email },
          { key: t('accounts.account.lastSignIn'), value: account.lastSignedInAt ? formatDateTime(account.lastSignedInAt) : '–' },
          {
            key: t('accounts.account.roles'),
            value: (
              <ul class="plain-list">
                {account.isAdmin ? <li>{t('accounts.roles.names.admin')}</li> : null}
                {account.memberships.map((membership, index) => (
                  <li key={index}>
                    <MembershipDescription membership={membership} names={names} />
                  </li>
                ))}
                {!account.isAdmin && account.memberships.length === 0 ? <li>{t('accounts.account.noRoles')}</li> : null}
              </ul>
            ),
          },
        ]}
      />
      <h2>{t('accounts.account.profileHeading')}</h2>
      <Form action="/account">
        <TextField name="displayName" label={t('accounts.profile.displayName.label')} value={account.displayName} state={state} autocomplete="name" />
        <SelectField
          name="locale"
          label={t('accounts.profile.locale.label')}
          hint={t('accounts.profile.locale.hint')}
          value={account.locale}
          state={state}
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <SubmitButton>{t('common.actions.saveChanges')}</SubmitButton>
      </Form>
      <h2>{t('accounts.account.securityHeading')}</h2>
      <p>
        <a href="/account/password">{t('accounts.account.changePassword')}</a>
      </p>
      <h2>{t('accounts.account.dataHeading')}</h2>
      <p>{t('accounts.account.dataIntro')}</p>
      <p>
        <a href="/account/data.json" download="my-better-data.json">
          {t('accounts.account.downloadData')}
        </a>
      </p>
    </Layout>
  );
}
