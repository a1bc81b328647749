/** One programme's public page. */
import { PageHeading } from '../../../core/views/components/ui.js';
import { Layout } from '../../../core/views/Layout.js';
import { ProgrammeOverview, type ProgrammeOverviewData } from './ProgrammeOverview.js';

export function ProgrammePage(data: ProgrammeOverviewData) {
  return (
    <Layout title={data.programme.acronym}>
      <PageHeading caption={data.programme.acronym}>{data.programme.title}</PageHeading>
      <ProgrammeOverview {...data} />
    </Layout>
  );
}
