/** The administrator's page for anonymising the participants of events that ended long enough ago. */
import { Form, SubmitButton } from '../../../../core/views/components/forms.js';
import { PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';

export function AnonymisePage({ cutoff, count, months }: { cutoff: Date; count: number; months: number }) {
  const { t, formatDate, formatNumber } = useView();
  return (
    <Layout title={t('events.retention.title')}>
      <PageHeading>{t('events.retention.title')}</PageHeading>
      <p>{t('events.retention.intro', { months })}</p>
      <p>{t('events.retention.pending', { count, formatted: formatNumber(count), date: formatDate(cutoff) })}</p>
      {count > 0 ? (
        <Form action="/admin/event-participants">
          <SubmitButton variant="warning">{t('events.retention.submit')}</SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}
