/** Pieces the plan pages share: an action's fields in words, and the comments on a part or an action. */
import { Field, Form, SubmitButton } from '../../../../core/views/components/forms.js';
import { SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import type { PlanAction } from '../../content.js';
import type { Names } from '../document.js';
import type { PlanComment } from '../service.js';

/** `language` is the plan's: the partner's texts are marked with it where it differs from the page's. */
export function ActionDetails({ action, names, language }: { action: PlanAction; names: Names; language?: string | undefined }) {
  const { t, locale, formatDate, formatNumber } = useView();
  const lang = textLanguage(language, locale);
  const list = (label: string, ids: number[], map: Map<number, string>, href: (id: number) => string) =>
    ids.length ? (
      <p>
        {label}:{' '}
        {ids.map((id, index) => (
          <span key={id}>
            {index > 0 ? '; ' : ''}
            <a href={href(id)}>{map.get(id) ?? `#${id}`}</a>
          </span>
        ))}
      </p>
    ) : null;
  return (
    <SummaryList
      rows={[
        {
          key: t('plans.fields.background'),
          value: (
            <>
              {action.background ? (
                <p class="prose" lang={lang}>
                  {action.background}
                </p>
              ) : null}
              {list(t('plans.fields.practiceIds'), action.practiceIds, names.practices, (id) => `/practices/${id}`)}
              {list(t('plans.fields.eventIds'), action.eventIds, names.events, (id) => `/events/${id}`)}
              {list(t('plans.fields.transferIds'), action.transferIds, names.transfers, (id) => `/transfers/${id}`)}
            </>
          ),
        },
        {
          key: t('plans.fields.description'),
          value: (
            <p class="prose" lang={lang}>
              {action.description}
            </p>
          ),
        },
        {
          key: t('plans.fields.players'),
          value: action.players.length ? (
            <ul>
              {action.players.map((player, index) => (
                <li key={index}>
                  {names.organisations.get(player.organisationId) ?? `#${player.organisationId}`}
                  {player.role ? <span lang={lang}> – {player.role}</span> : ''}
                </li>
              ))}
            </ul>
          ) : (
            '–'
          ),
        },
        {
          key: t('plans.fields.timeframe'),
          value: `${action.startsOn ? formatDate(action.startsOn) : '…'} – ${action.endsOn ? formatDate(action.endsOn) : '…'}`,
        },
        {
          key: t('plans.fields.milestones'),
          value: action.milestones.length ? (
            <ul>
              {action.milestones.map((milestone, index) => (
                <li key={index}>
                  {formatDate(milestone.dueOn)}: <span lang={lang}>{milestone.title}</span>
                </li>
              ))}
            </ul>
          ) : (
            '–'
          ),
        },
        { key: t('plans.fields.costsEur'), value: action.costsEur === null ? '–' : `EUR ${formatNumber(action.costsEur)}` },
        {
          key: t('plans.fields.funding'),
          value: action.funding.length ? (
            <ul>
              {action.funding.map((line, index) => (
                <li key={index}>
                  <span lang={lang}>{line.source}</span>: EUR {formatNumber(line.amountEur)}
                </li>
              ))}
            </ul>
          ) : (
            '–'
          ),
        },
        { key: t('plans.fields.improvementType'), value: t(`plans.improvementTypes.${action.improvementType}`) },
        {
          key: t('plans.fields.instrumentsText'),
          value: (
            <>
              {(names.deliverables.get(action.key) ?? []).length ? (
                <ul>
                  {(names.deliverables.get(action.key) ?? []).map((deliverable) => (
                    <li key={deliverable.href}>
                      <a href={deliverable.href}>{deliverable.name}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {action.instrumentsText ? <span lang={lang}>{action.instrumentsText}</span> : (names.deliverables.get(action.key) ?? []).length ? null : '–'}
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * The comments on one part or action, and (for reviewers) the form to add one. The page holds one such form per
 * part and action, so each field gets its own id.
 */
export function Comments({ planId, target, comments, mayComment }: { planId: number; target: string; comments: PlanComment[]; mayComment: boolean }) {
  const { t, formatDateTime } = useView();
  const mine = comments.filter((comment) => comment.target === target);
  if (!mayComment && mine.length === 0) return null;
  const id = `comment-${target.replace(':', '-')}`;
  return (
    <details class="comments" open={mine.length > 0}>
      <summary>{t('plans.comments.summary', { count: mine.length })}</summary>
      <ul class="comment-list">
        {mine.map((comment) => (
          <li key={comment.id} class="comment-list__item">
            <p class="comment-list__meta">
              {comment.author}, {formatDateTime(comment.createdAt)}
            </p>
            <p class="prose">{comment.body}</p>
          </li>
        ))}
      </ul>
      {mayComment ? (
        <Form action={`/plans/${planId}/comments`}>
          <input type="hidden" name="target" value={target} />
          <Field id={id} label={t('plans.comments.body.label')}>
            {(control) => <textarea class="textarea" {...control} name="body" rows={3} />}
          </Field>
          <SubmitButton variant="secondary">{t('plans.comments.submit')}</SubmitButton>
        </Form>
      ) : null}
    </details>
  );
}
