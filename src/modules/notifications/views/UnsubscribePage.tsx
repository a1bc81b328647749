/** The page of an emailed unsubscribe link: what it will turn off, the button that does it, and afterwards what it did. */
import { Form, SubmitButton } from '../../../core/views/components/forms.js';
import { PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { UnsubscribeLink } from '../service.js';

function KindList({ link }: { link: UnsubscribeLink }) {
  const { t } = useView();
  if (link.all) return <p>{t('notifications.unsubscribe.all')}</p>;
  return (
    <ul>
      {link.kinds.map((kind) => (
        <li key={kind.key}>{t(kind.labelKey)}</li>
      ))}
    </ul>
  );
}

export function UnsubscribePage({ link, action }: { link: UnsubscribeLink; action: string }) {
  const { t } = useView();
  return (
    <Layout title={t('notifications.unsubscribe.title')}>
      <PageHeading>{t('notifications.unsubscribe.title')}</PageHeading>
      <p>{t('notifications.unsubscribe.explanation')}</p>
      <KindList link={link} />
      <p>{t('notifications.unsubscribe.still')}</p>
      <Form action={action}>
        <SubmitButton variant="warning">{t('notifications.unsubscribe.confirm')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function UnsubscribedPage({ link }: { link: UnsubscribeLink }) {
  const { t } = useView();
  return (
    <Layout title={t('notifications.unsubscribe.doneTitle')}>
      <PageHeading>{t('notifications.unsubscribe.doneTitle')}</PageHeading>
      <p>{t('notifications.unsubscribe.done')}</p>
      <KindList link={link} />
      <p>{t('notifications.unsubscribe.change')}</p>
      <p>
        <a href="/notifications/settings">{t('notifications.settings.title')}</a>
      </p>
    </Layout>
  );
}

export function UnknownLinkPage() {
  const { t } = useView();
  return (
    <Layout title={t('notifications.unsubscribe.unknownTitle')}>
      <PageHeading>{t('notifications.unsubscribe.unknownTitle')}</PageHeading>
      <p>{t('notifications.unsubscribe.unknown')}</p>
    </Layout>
  );
}
