/** My work: what waits for me (soonest deadline first), my drafts, and where to start when the lists are empty. */
import { PageHeading, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { MyWork, WorkItem } from '../service.js';

function Due({ due }: { due: string | Date }) {
  const { t, formatDate, formatDateTime } = useView();
  if (due instanceof Date) return <>{t('workspace.item.at', { when: formatDateTime(due) })}</>;
  const overdue = due < new Date().toISOString().slice(0, 10);
  return (
    <>
      {t('workspace.item.due', { date: formatDate(due) })} {overdue ? <Tag tone="warning">{t('workspace.item.overdue')}</Tag> : null}
    </>
  );
}

function ItemList({ items, labelledBy }: { items: WorkItem[]; labelledBy: string }) {
  const { t } = useView();
  return (
    <ul class="card-list work-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={`${item.kindKey} ${item.href}`} class="card">
          <p class="card__meta">{t(item.kindKey)}</p>
          <p class="card__title">
            <a href={item.href} lang={item.lang ?? undefined}>
              {item.text}
            </a>
          </p>
          {item.due || item.detail ? (
            <p>
              {item.detail ? t(item.detail.key, item.detail.values) : null}
              {item.due && item.detail ? ' · ' : null}
              {item.due ? <Due due={item.due} /> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Where to start when nothing waits: links to what the person may do, by the roles they hold. */
function Starting({ staff }: { staff: boolean }) {
  const { t } = useView();
  const links = [
    { href: '/practices', key: 'workspace.start.practices' },
    { href: '/events', key: 'workspace.start.events' },
    { href: '/plans', key: 'workspace.start.plans' },
    { href: '/results', key: 'workspace.start.results' },
  ];
  return (
    <>
      <p>{staff ? t('workspace.waiting.emptyStaff') : t('workspace.waiting.emptyReader')}</p>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.key)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MyWorkPage({ work }: { work: MyWork }) {
  const { t, actor, formatDateTime } = useView();
  const name = actor.kind === 'user' ? actor.displayName : '';
  // Partner staff and coordinators write records; stakeholders and administrators mostly read them.
  const staff = actor.kind === 'user' && actor.memberships.some((membership) => membership.role !== 'stakeholder');
  return (
    <Layout title={t('workspace.title')}>
      <PageHeading caption={name}>{t('workspace.title')}</PageHeading>
      <section aria-labelledby="waiting">
        <h2 id="waiting">
          {t('workspace.waiting.heading')} {work.waiting.length > 0 ? <Tag>{String(work.waiting.length)}</Tag> : null}
        </h2>
        {work.waiting.length > 0 ? <ItemList items={work.waiting} labelledBy="waiting" /> : <Starting staff={staff} />}
      </section>
      {work.unread > 0 ? (
        <p>
          <a href="/notifications">{t('workspace.notifications.unread', { count: work.unread })}</a>
        </p>
      ) : null}
      <section aria-labelledby="drafts">
        <h2 id="drafts">{t('workspace.drafts.heading')}</h2>
        {work.drafts.length > 0 ? (
          <ItemList items={work.drafts} labelledBy="drafts" />
        ) : (
          <p>
            {staff ? (
              <>
                {t('workspace.drafts.emptyStaff')} <a href="/practices/new">{t('workspace.drafts.newPractice')}</a>
              </>
            ) : (
              t('workspace.drafts.emptyReader')
            )}
          </p>
        )}
      </section>
      <section aria-labelledby="following">
        <h2 id="following">{t('workspace.following.heading')}</h2>
        {work.following.length > 0 ? (
          <ul aria-labelledby="following">
            {work.following.map((followed) => (
              <li key={`${followed.type} ${followed.id}`}>
                {t(`workspace.following.types.${followed.type}`)}: <a href={followed.href}>{followed.title}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('workspace.following.empty')}</p>
        )}
        <p>
          <a href="/notifications/settings">{t('workspace.following.settings')}</a>
        </p>
      </section>
      {work.activity ? (
        <section aria-labelledby="activity">
          <h2 id="activity">{t('workspace.activity.heading')}</h2>
          {work.activity.length > 0 ? (
            <ul aria-labelledby="activity">
              {work.activity.map((step) => (
                <li key={`${step.link} ${step.at.getTime()}`}>
                  <a href={step.link}>{step.title}</a> <span class="card__meta">{formatDateTime(step.at)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('workspace.activity.empty')}</p>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
