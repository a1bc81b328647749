/** The audit log for administrators: who changed what and when, with each field's value before and after. */
import type { AuditEvent } from '../../../core/audit/queries.js';
import { Form, TextField } from '../../../core/views/components/forms.js';
import { PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { AuditQuery } from '../schema.js';
import { changesOf } from '../service.js';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditLogPage({ events, query, nextHref }: { events: AuditEvent[]; query: AuditQuery; nextHref: string | null }) {
  const { t, formatDateTime } = useView();
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return (
    <Layout title={t('audit.title')}>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <Form action="/admin/audit" method="get" class="filter-form" label={t('audit.filter')}>
        <TextField
          name="entityType"
          label={t('audit.fields.entityType')}
          hint={t('audit.hints.entityType')}
          value={text(query.entityType)}
          width="medium"
          spellcheck={false}
        />
        <TextField name="entityId" label={t('audit.fields.entityId')} value={text(query.entityId)} width="short" spellcheck={false} />
        <TextField name="action" label={t('audit.fields.action')} hint={t('audit.hints.action')} value={text(query.action)} width="medium" spellcheck={false} />
        <TextField name="actor" label={t('audit.fields.actor')} hint={t('audit.hints.actor')} value={text(query.actor)} width="short" inputMode="numeric" />
        <TextField name="from" type="date" label={t('audit.fields.from')} value={text(query.from)} width="medium" />
        <TextField name="to" type="date" label={t('audit.fields.to')} value={text(query.to)} width="medium" />
        <button type="submit" class="button button--secondary">
          {t('common.actions.filter')}
        </button>
      </Form>
      {events.length === 0 ? <p role="status">{t('audit.empty')}</p> : null}
      <ol class="audit-list">
        {events.map((event) => {
          const changes = changesOf(event);
          return (
            <li key={event.id} id={`entry-${event.id}`} class="audit-entry">
              <h2 class="audit-entry__title">
                <code>{event.action}</code> · {event.entityType} #{event.entityId}
              </h2>
              <p class="audit-entry__meta">
                {t('audit.by', { actor: event.actorLabel, at: formatDateTime(event.occurredAt) })}
                {event.actorUserId !== null ? (
                  <>
                    {' '}
                    (<a href={`/admin/users/${event.actorUserId}`}>{t('audit.account', { id: event.actorUserId })}</a>)
                  </>
                ) : null}
                {event.requestId ? <span class="audit-entry__request"> · {t('audit.request', { id: event.requestId })}</span> : null}
              </p>
              {changes.length > 0 ? (
                <div class="table-scroll" role="region" aria-label={t('audit.changesCaption', { id: event.id })} tabindex={0}>
                  <table class="table table--compact">
                    <caption class="visually-hidden">{t('audit.changesCaption', { id: event.id })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('audit.fields.field')}</th>
                        <th scope="col">{t('audit.fields.before')}</th>
                        <th scope="col">{t('audit.fields.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((change) => (
                        <tr key={change.field}>
                          <th scope="row">{change.field}</th>
                          <td class="audit-entry__before">{show(change.before)}</td>
                          <td class="audit-entry__after">{show(change.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {nextHref ? (
        <nav class="pagination" aria-label={t('common.pagination.label')}>
          <a href={nextHref} rel="next">
            {t('audit.older')}
          </a>
        </nav>
      ) : null}
    </Layout>
  );
}
