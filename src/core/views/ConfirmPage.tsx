/**
 * An irreversible action is confirmed on its own page (works without scripts), never in a script dialog; routes
 * register the question and the act together with `confirmedAction` (core/http/confirmed-action).
 */
import type { ComponentChildren } from 'preact';
import { ErrorSummary, Form, SubmitButton } from './components/forms.js';
import { PageHeading } from './components/ui.js';
import { useView } from './context.js';
import { Layout } from './Layout.js';

/** The question asked before acting: what will happen, the button that does it and where "Cancel" leads. */
export interface Question {
  title: string;
  confirmLabel: string;
  cancelHref: string;
  /** What acting will do, shown under the title. */
  explanation?: ComponentChildren;
}

export interface ConfirmPageProps extends Omit<Question, 'explanation'> {
  /** Where the confirming form posts. */
  action: string;
  /** Why the action was not taken, when it was refused (shown in the error summary). */
  refusal?: string | undefined;
  children?: ComponentChildren;
}

export function ConfirmPage({ title, action, confirmLabel, cancelHref, refusal, children }: ConfirmPageProps) {
  const { t } = useView();
  return (
    <Layout title={title} hasErrors={refusal !== undefined}>
      <ErrorSummary>{refusal === undefined ? null : <p>{refusal}</p>}</ErrorSummary>
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
