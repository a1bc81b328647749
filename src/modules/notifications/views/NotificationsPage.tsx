/** A person's notifications, newest first: unread ones say so in words, each opens what it is about. */
import { Form, SubmitButton } from '../../../core/views/components/forms.js';
import { PageHeading, Pagination, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { NotificationEntry } from '../service.js';

export function NotificationsPage({ entries, unread, page, pageCount }: { entries: NotificationEntry[]; unread: number; page: number; pageCount: number }) {
  const { t, formatDateTime } = useView();
  return (
    <Layout title={t('notifications.list.title')}>
      <PageHeading>{t('notifications.list.title')}</PageHeading>
      <p>{unread > 0 ? t('notifications.list.unread', { count: unread }) : t('notifications.list.allRead')}</p>
      <div class="button-group">
        {unread > 0 ? (
          <Form action="/notifications/read" class="inline-form">
            <SubmitButton variant="secondary">{t('notifications.list.markAllRead')}</SubmitButton>
          </Form>
        ) : null}
        <a href="/notifications/settings">{t('notifications.list.settings')}</a>
      </div>
      {entries.length === 0 ? <p>{t('notifications.list.empty')}</p> : null}
      <ol class="notification-list">
        {entries.map((entry) => (
          <li key={entry.id} class={entry.read ? 'notification-item' : 'notification-item notification-item--unread'}>
            <p class="notification-item__title">
              {entry.read ? null : (
                <>
                  <Tag tone="warning">{t('notifications.list.unreadTag')}</Tag>{' '}
                </>
              )}
              <a href={`/notifications/${entry.id}`}>
                {entry.read ? t(`${entry.messageKey}.title`, entry.values) : <strong>{t(`${entry.messageKey}.title`, entry.values)}</strong>}
              </a>
            </p>
            <p class="notification-item__meta">{formatDateTime(entry.createdAt)}</p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => (target > 1 ? `/notifications?page=${target}` : '/notifications')} />
    </Layout>
  );
}
