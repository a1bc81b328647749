/** The answer to a submission refused because questions have no editor's answer yet: every one listed. */
import { ErrorSummary } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';

export function IncompletePage({ roundId, questions }: { roundId: number; questions: string[] }) {
  const { t } = useView();
  return (
    <Layout title={t('maturity.submit.incompleteTitle')} hasErrors>
      <BackLink href={`/results/maturity/rounds/${roundId}`}>{t('maturity.submit.back')}</BackLink>
      <ErrorSummary title={t('maturity.submit.incompleteTitle')}>
        <p>{t('maturity.refusals.incomplete', { count: questions.length })}</p>
        <ul class="error-summary__list">
          {questions.map((question) => (
            <li key={question}>
              <a href={`/results/maturity/rounds/${roundId}#maturity-questionnaire`}>{question}</a>
            </li>
          ))}
        </ul>
      </ErrorSummary>
      <PageHeading>{t('maturity.submit.incompleteTitle')}</PageHeading>
      <p>
        <a href={`/results/maturity/rounds/${roundId}#maturity-questionnaire`}>{t('maturity.submit.back')}</a>
      </p>
    </Layout>
  );
}
