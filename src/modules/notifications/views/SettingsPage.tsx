/** How the person is told of each kind of notification, grouped by the part of the platform that sends it. */
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton } from '../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { KindGroup } from '../service.js';
import { cadences } from '../types.js';

export function SettingsPage({ groups, state }: { groups: KindGroup[]; state?: FormState }) {
  const { t } = useView();
  const options = cadences.map((cadence) => ({ value: cadence, label: t(`notifications.cadence.${cadence}`) }));
  return (
    <Layout title={t('notifications.settings.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/notifications">{t('notifications.list.title')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{t('notifications.settings.title')}</PageHeading>
      <p>{t('notifications.settings.intro')}</p>
      {groups.length === 0 ? (
        <p>{t('notifications.settings.none')}</p>
      ) : (
        <Form action="/notifications/settings">
          {groups.map((group) => (
            <section key={group.module} aria-labelledby={`kinds-${group.module}`}>
              <h2 id={`kinds-${group.module}`}>{t(`${group.module}.nav`)}</h2>
              {group.kinds.map((kind) => (
                <RadioGroup key={kind.key} name={kind.key} legend={t(kind.labelKey)} state={state} value={kind.cadence} options={options} />
              ))}
            </section>
          ))}
          <SubmitButton>{t('notifications.settings.save')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}
