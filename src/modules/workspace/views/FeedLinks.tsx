/** "Subscribe": the Atom and RSS feeds of a programme or a partner, as links anyone can copy into a feed reader. */
import { useView } from '../../../core/views/context.js';
import type { feedLinks } from '../feeds.js';

export type Feeds = ReturnType<typeof feedLinks>;

export function FeedLinkList({ feeds }: { feeds: Feeds }) {
  const { t } = useView();
  return (
    <ul>
      {feeds.map((feed) => (
        <li key={feed.name}>
          {t(feed.labelKey)}:{' '}
          <a href={feed.atom} type="application/atom+xml">
            {t('workspace.feeds.atom')}
          </a>
          {' · '}
          <a href={feed.rss} type="application/rss+xml">
            {t('workspace.feeds.rss')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The section a partner's page shows. */
export function FeedLinks({ feeds }: { feeds: Feeds }) {
  const { t } = useView();
  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t('workspace.feeds.heading')}</h2>
      <FeedLinkList feeds={feeds} />
    </section>
  );
}
