/** One programme's public page. */
import { PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { textLanguage } from '../../../core/views/text-language.js';
import { ProgrammeOverview, type ProgrammeOverviewData } from './ProgrammeOverview.js';

export function ProgrammePage(data: ProgrammeOverviewData) {
  const { t, locale } = useView();
  return (
    <Layout title={data.programme.acronym}>
      <PageHeading caption={data.programme.acronym}>
        <span lang={textLanguage(data.programme.textLanguage, locale)}>{data.programme.title}</span>
      </PageHeading>
      <ProgrammeOverview {...data} />
      <p>
        <a href={`/programmes/${data.programme.id}/feeds`}>{t('workspace.feeds.subscribe')}</a>
      </p>
    </Layout>
  );
}
