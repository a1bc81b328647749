/** The email outbox: what the platform sent or will send, and whether delivery worked. */
import type { OutboxEmail } from '../../../core/mail/outbox.js';
import { Inset, PageHeading, Pagination, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';

const tone = { queued: 'neutral', sent: 'success', failed: 'warning' } as const;

export function OutboxPage({ emails, page, pageCount, smtpConfigured }: { emails: OutboxEmail[]; page: number; pageCount: number; smtpConfigured: boolean }) {
  const { t, formatDateTime } = useView();
  return (
    <Layout title={t('outbox.title')}>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <Inset>
        <p>{smtpConfigured ? t('outbox.smtpOn') : t('outbox.smtpOff')}</p>
      </Inset>
      {emails.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ol class="audit-list">
        {emails.map((email) => (
          <li key={email.id} class="audit-entry">
            <h2 class="audit-entry__title">{email.subject}</h2>
            <p class="audit-entry__meta">
              <Tag tone={tone[email.status]}>{t(`outbox.status.${email.status}`)}</Tag>{' '}
              {t('outbox.meta', { to: email.to, kind: email.kind, at: formatDateTime(email.createdAt), attempts: email.attempts })}
            </p>
            {email.lastError ? <p class="field-error">{t('outbox.lastError', { error: email.lastError })}</p> : null}
            <details class="details">
              <summary>{t('outbox.showBody')}</summary>
              <pre class="email-body">{email.bodyText}</pre>
            </details>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => (target > 1 ? `/admin/outbox?page=${target}` : '/admin/outbox')} />
    </Layout>
  );
}
