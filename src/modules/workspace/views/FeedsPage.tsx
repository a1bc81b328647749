/** A programme's feeds and those of each of its partners, announced in the head for browsers and feed readers. */
import { PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { FeedLinkList, type Feeds } from './FeedLinks.js';

export function FeedsPage({
  programme,
  feeds,
  partners,
}: {
  programme: { id: number; title: string };
  feeds: Feeds;
  partners: { id: number; name: string; feeds: Feeds }[];
}) {
  const { t } = useView();
  const alternates = feeds.flatMap((feed) => [
    { href: feed.atom, type: 'application/atom+xml', title: `${t(feed.labelKey)} (Atom)` },
    { href: feed.rss, type: 'application/rss+xml', title: `${t(feed.labelKey)} (RSS)` },
  ]);
  return (
    <Layout title={`${t('workspace.feeds.heading')} – ${programme.title}`} alternates={alternates}>
      <PageHeading caption={programme.title}>{t('workspace.feeds.heading')}</PageHeading>
      <p>{t('workspace.feeds.intro')}</p>
      <FeedLinkList feeds={feeds} />
      {partners.length > 0 ? <h2>{t('workspace.feeds.partners')}</h2> : null}
      {partners.map((partner) => (
        <section key={partner.id} aria-labelledby={`partner-${partner.id}`}>
          <h3 id={`partner-${partner.id}`}>
            <a href={`/partners/${partner.id}`}>{partner.name}</a>
          </h3>
          <FeedLinkList feeds={partner.feeds} />
        </section>
      ))}
    </Layout>
  );
}
