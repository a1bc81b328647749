/** A destructive action is confirmed on its own page (works without scripts), never in a script dialog. */
import type { ComponentChildren } from 'preact';
import { Form, SubmitButton } from './components/forms.js';
import { PageHeading } from './components/ui.js';
import { useView } from './context.js';
import { Layout } from './Layout.js';

export interface ConfirmPageProps {
  title: string;
  action: string;
  confirmLabel: string;
  cancelHref: string;
  children?: ComponentChildren;
}

export function ConfirmPage({ title, action, confirmLabel, cancelHref, children }: ConfirmPageProps) {
  const { t } = useView();
  return (
    <Layout title={title}>
      <PageHeading>{title}</PageHeading>
      {children}
      <Form action={action}>
        <div class="button-group">
          <SubmitButton variant="warning">{confirmLabel}</SubmitButton>
          <a href={cancelHref}>{t('common.actions.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
