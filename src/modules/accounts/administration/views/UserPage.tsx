/** One account for administrators: details, roles, and the status actions (resend, deactivate, reactivate, erase). */
import { localeNames, locales } from '../../../../core/i18n/locales.js';
import type { FormState } from '../../../../core/validation/forms.js';
import { Checkbox, ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, ButtonLink, DataTable, PageHeading, SummaryList, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { UserDetail } from '../service.js';
import { MembershipDescription, type ScopeNames } from '../../views/MembershipDescription.js';
import { RoleFields, type RoleOptions } from './RoleFields.js';

interface Props {
  user: UserDetail;
  names: ScopeNames;
  options: RoleOptions;
  /** Errors of the details form or of the add-role form, whichever was posted. */
  detailsState?: FormState;
  roleState?: FormState;
  isSelf: boolean;
}

export function UserPage({ user, names, options, detailsState, roleState, isSelf }: Props) {
  const { t, formatDateTime } = useView();
  const editable = user.status !== 'erased';
  const hasErrors = Boolean(detailsState?.errors.length || roleState?.errors.length);
  return (
    <Layout title={user.displayName} hasErrors={hasErrors}>
      <BackLink href="/admin/users">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={detailsState ?? roleState} />
      <PageHeading caption={t('accounts.admin.user.caption')}>{user.displayName}</PageHeading>
      <SummaryList
        rows={[
          { key: t('accounts.admin.fields.email'), value: user.email },
          { key: t('accounts.admin.fields.status'), value: <Tag>{t(`accounts.status.${user.status}`)}</Tag> },
          { key: t('accounts.admin.fields.created'), value: formatDateTime(user.createdAt) },
          { key: t('accounts.admin.fields.lastSignIn'), value: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : '–' },
        ]}
      />

      {editable ? (
        <section aria-labelledby="details">
          <h2 id="details">{t('accounts.admin.user.details')}</h2>
          <Form action={`/admin/users/${user.id}`}>
            <TextField name="displayName" label={t('accounts.profile.displayName.label')} value={user.displayName} state={detailsState} autocomplete="off" />
            <SelectField
              name="locale"
              label={t('accounts.invite.locale.label')}
              value={user.locale}
              state={detailsState}
              options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
            />
            <Checkbox
              name="isAdmin"
              label={t('accounts.admin.user.isAdmin')}
              hint={t('accounts.roles.explain.admin')}
              checked={user.isAdmin}
              state={detailsState}
            />
            <SubmitButton>{t('common.actions.saveChanges')}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="roles">
        <h2 id="roles">{t('accounts.admin.user.roles')}</h2>
        {user.memberships.length === 0 ? (
          <p>{t('accounts.account.noRoles')}</p>
        ) : (
          <DataTable
            caption={t('accounts.admin.user.rolesCaption', { name: user.displayName })}
            head={
              <tr>
                <th scope="col">{t('accounts.admin.user.role')}</th>
                <th scope="col">{t('common.actions.label')}</th>
              </tr>
            }
          >
            {user.memberships.map((membership) => (
              <tr key={membership.id}>
                <td>
                  <MembershipDescription membership={membership} names={names} />
                </td>
                <td>
                  <a href={`/admin/users/${user.id}/memberships/${membership.id}/delete`}>
                    {t('accounts.admin.user.removeRole')}
                    <span class="visually-hidden">
                      {' '}
                      <MembershipDescription membership={membership} names={names} />
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {editable ? (
          <>
            <h3>{t('accounts.admin.user.addRole')}</h3>
            <Form action={`/admin/users/${user.id}/memberships`}>
              <RoleFields state={roleState} options={options} includeAdmin={false} />
              <SubmitButton>{t('accounts.admin.user.addRoleSubmit')}</SubmitButton>
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="status">
        <h2 id="status">{t('accounts.admin.user.statusHeading')}</h2>
        {user.status === 'invited' ? (
          <Form action={`/admin/users/${user.id}/invitation`}>
            <p>{t('accounts.admin.user.invitedExplanation')}</p>
            <SubmitButton variant="secondary">{t('accounts.admin.user.resendInvitation')}</SubmitButton>
          </Form>
        ) : null}
        {isSelf ? <p>{t('accounts.admin.user.selfExplanation')}</p> : null}
        {!isSelf && (user.status === 'active' || user.status === 'invited') ? (
          <ButtonLink href={`/admin/users/${user.id}/deactivate`} variant="warning">
            {t('accounts.admin.user.deactivate')}
          </ButtonLink>
        ) : null}
        {!isSelf && user.status === 'deactivated' ? (
          <div class="button-group">
            <Form action={`/admin/users/${user.id}/reactivate`}>
              <SubmitButton variant="secondary">{t('accounts.admin.user.reactivate')}</SubmitButton>
            </Form>
            <ButtonLink href={`/admin/users/${user.id}/erase`} variant="warning">
              {t('accounts.admin.user.erase')}
            </ButtonLink>
          </div>
        ) : null}
      </section>
    </Layout>
  );
}
