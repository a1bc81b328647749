/** Administrators' list of accounts, searchable by name or email and filterable by status. */
import { Form, SelectField, TextField } from '../../../../core/views/components/forms.js';
import { ButtonLink, DataTable, PageHeading, Pagination, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { UserSummary } from '../service.js';
import type { UserStatus } from '../../tables.js';

const statuses: UserStatus[] = ['active', 'invited', 'deactivated', 'erased'];
const statusTone = { active: 'success', invited: 'neutral', deactivated: 'warning', erased: 'muted' } as const;

export function UserListPage({
  users,
  total,
  page,
  pageCount,
  query,
  status,
}: {
  users: UserSummary[];
  total: number;
  page: number;
  pageCount: number;
  query: string | null;
  status: UserStatus | null;
}) {
  const { t, formatDateTime } = useView();
  const hrefFor = (target: number) => {
    const parameters = new URLSearchParams();
    if (query) parameters.set('q', query);
    if (status) parameters.set('status', status);
    if (target > 1) parameters.set('page', String(target));
    const search = parameters.toString();
    return `/admin/users${search ? `?${search}` : ''}`;
  };
  return (
    <Layout title={t('accounts.admin.list.title')}>
      <PageHeading>{t('accounts.admin.list.title')}</PageHeading>
      <p>
        <ButtonLink href="/admin/users/new">{t('accounts.admin.invite.title')}</ButtonLink>
      </p>
      <Form action="/admin/users" method="get" class="filter-form" label={t('accounts.admin.list.filter')}>
        <TextField name="q" type="search" label={t('accounts.admin.list.query')} value={query ?? ''} width="medium" />
        <SelectField
          name="status"
          label={t('accounts.admin.list.status')}
          value={status ?? ''}
          placeholder={t('accounts.admin.list.anyStatus')}
          options={statuses.map((value) => ({ value, label: t(`accounts.status.${value}`) }))}
        />
        <button type="submit" class="button button--secondary">
          {t('common.actions.filter')}
        </button>
      </Form>
      <p role="status">{t('accounts.admin.list.count', { count: total })}</p>
      <DataTable
        caption={t('accounts.admin.list.caption')}
        head={
          <tr>
            <th scope="col">{t('accounts.admin.fields.name')}</th>
            <th scope="col">{t('accounts.admin.fields.email')}</th>
            <th scope="col">{t('accounts.admin.fields.status')}</th>
            <th scope="col">{t('accounts.admin.fields.lastSignIn')}</th>
          </tr>
        }
      >
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <a href={`/admin/users/${user.id}`}>{user.displayName}</a>
              {user.isAdmin ? (
                <>
                  {' '}
                  <Tag>{t('accounts.roles.names.admin')}</Tag>
                </>
              ) : null}
            </th>
            <td>{user.email}</td>
            <td>
              <Tag tone={statusTone[user.status]}>{t(`accounts.status.${user.status}`)}</Tag>
            </td>
            <td>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : '–'}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
