/** The accessibility statement and the privacy notice: fixed texts from the catalogue, paragraph by paragraph. */
import { PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';

export function StatementPage({ statement, sections }: { statement: 'accessibility' | 'privacy'; sections: readonly string[] }) {
  const { t } = useView();
  return (
    <Layout title={t(`portal.${statement}.title`)}>
      <PageHeading>{t(`portal.${statement}.title`)}</PageHeading>
      <p class="lead">{t(`portal.${statement}.intro`)}</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>{t(`portal.${statement}.sections.${section}.heading`)}</h2>
          <p>{t(`portal.${statement}.sections.${section}.body`)}</p>
        </section>
      ))}
    </Layout>
  );
}
