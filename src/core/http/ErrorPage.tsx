/** The page shown for any error: what happened and what to do next, never internals. */
import { Layout } from '../views/Layout.js';
import { PageHeading } from '../views/components/ui.js';
import { useView } from '../views/context.js';
import type { ErrorKind } from './errors.js';

export function ErrorPage({ kind, requestId }: { kind: ErrorKind; requestId: string }) {
  const { t } = useView();
  return (
    <Layout title={t(`errors.${kind}.title`)}>
      <PageHeading>{t(`errors.${kind}.title`)}</PageHeading>
      <p>{t(`errors.${kind}.body`)}</p>
      {kind === 'internal' || kind === 'unavailable' ? <p class="field__hint">{t('errors.reference', { requestId })}</p> : null}
      <p>
        <a href="/">{t('errors.home')}</a>
      </p>
    </Layout>
  );
}
