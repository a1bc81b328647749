/**
 * One partner's Regional Action Plan in a chosen version: the three parts of the template with each action,
 * the peer-review comments, the workflow step the actor can take, and the actions on a timeline.
 */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, TextField } from '../../../../core/views/components/forms.js';
import { ButtonLink, DataTable, PageHeading, SummaryList, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { FollowButton } from '../../../notifications/service.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import type { Names } from '../document.js';
import type { Plan, PlanComment, PlanVersion } from '../service.js';
import type { ReportStatus } from '../../tables.js';
import { ActionDetails, Comments } from './parts.js';

interface Props {
  plan: Plan;
  version: PlanVersion;
  names: Names;
  comments: PlanComment[];
  mayWrite: boolean;
  mayReview: boolean;
  mayComment: boolean;
  /** Each action's latest reported status, for the timeline's table. */
  statuses: Map<string, ReportStatus>;
  state?: FormState | undefined;
  /** Whether the signed-in person follows the endorsed plan; undefined shows no follow button. */
  following?: boolean | undefined;
}

function Workflow({ plan, version, mayWrite, mayReview, state }: Pick<Props, 'plan' | 'version' | 'mayWrite' | 'mayReview' | 'state'>) {
  const { t } = useView();
  const latest = plan.versions.at(-1);
  if (version.number !== latest?.number) return null;
  if (version.status === 'draft' && mayWrite) {
    return (
      <Form action={`/plans/${plan.id}/submission`} class="panel">
        <p>{t('plans.workflow.submitIntro')}</p>
        <SubmitButton>{t('plans.workflow.submit')}</SubmitButton>
      </Form>
    );
  }
  if (version.status === 'submitted' && mayReview) {
    return (
      <Form action={`/plans/${plan.id}/review`} class="panel">
        <h2>{t('plans.review.title')}</h2>
        <RadioGroup
          name="decision"
          legend={t('plans.review.decision.legend')}
          state={state}
          options={[
            { value: 'approve', label: t('plans.review.approve') },
            { value: 'return', label: t('plans.review.return') },
          ]}
        />
        <TextArea name="comment" label={t('plans.review.comment.label')} hint={t('plans.review.comment.hint')} state={state} rows={4} />
        <SubmitButton>{t('plans.review.submit')}</SubmitButton>
      </Form>
    );
  }
  if (version.status === 'approved' && mayWrite) {
    return (
      <Form action={`/plans/${plan.id}/endorsement`} class="panel">
        <h2>{t('plans.endorsement.title')}</h2>
        <p>{t('plans.endorsement.intro')}</p>
        <TextField name="endorsedOn" type="date" label={t('plans.fields.endorsedOn')} hint={t('common.dateHint')} state={state} width="medium" />
        <TextField name="endorsedBy" label={t('plans.fields.endorsedBy')} hint={t('plans.endorsement.endorsedByHint')} state={state} />
        <TextField name="endorsingBody" label={t('plans.fields.endorsingBody')} state={state} />
        <SubmitButton>{t('plans.endorsement.submit')}</SubmitButton>
      </Form>
    );
  }
  if (version.status === 'endorsed' && mayWrite) {
    return (
      <Form action={`/plans/${plan.id}/revision`} class="panel">
        <p>{t('plans.workflow.reviseIntro')}</p>
        <SubmitButton variant="secondary">{t('plans.workflow.revise')}</SubmitButton>
      </Form>
    );
  }
  return null;
}

export function PlanPage({ plan, version, names, comments, mayWrite, mayReview, mayComment, statuses, state, following }: Props) {
  const { t, locale, formatDate } = useView();
  const { content } = version;
  // The partner's texts are marked with the plan's language where it differs from the page's (WCAG 3.1.2).
  const lang = textLanguage(content.language, locale);
  const editable = mayWrite && version.status === 'draft';
  const commentable = mayComment && version.status !== 'endorsed';
  const title = t('plans.document.title', { partner: names.partner.name });
  const query = `?version=${version.number}`;
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading caption={t('plans.page.caption')}>{title}</PageHeading>
      {following !== undefined ? <FollowButton type="plan" id={plan.id} following={following} /> : null}
      <p>
        {t('plans.document.version', { number: version.number, status: t(`plans.statuses.${version.status}`) })}
        {version.endorsedOn
          ? ` · ${t('plans.page.endorsed', { date: formatDate(version.endorsedOn), by: version.endorsedBy ?? '', body: version.endorsingBody ?? '' })}`
          : ''}
      </p>
      {version.reviewComment && version.status === 'draft' ? <p class="inset">{t('plans.page.returned', { comment: version.reviewComment })}</p> : null}
      {plan.versions.length > 1 ? (
        <nav aria-label={t('plans.page.versions')}>
          <ul class="inline-list">
            {plan.versions.map((entry) => (
              <li key={entry.number}>
                {entry.number === version.number ? (
                  <strong aria-current="page">{t('plans.page.versionLink', { number: entry.number, status: t(`plans.statuses.${entry.status}`) })}</strong>
                ) : (
                  <a href={`/plans/${plan.id}?version=${entry.number}`}>
                    {t('plans.page.versionLink', { number: entry.number, status: t(`plans.statuses.${entry.status}`) })}
                  </a>
                )}
              </li>
            ))}
            <li>
              <a href={`/plans/${plan.id}/compare`}>{t('plans.page.compare')}</a>
            </li>
          </ul>
        </nav>
      ) : null}
      <ul class="inline-list">
        <li>
          <a href={`/plans/${plan.id}.docx${query}`}>{t('plans.page.docx')}</a>
        </li>
        <li>
          <a href={`/plans/${plan.id}/print${query}`}>{t('plans.page.print')}</a>
        </li>
        <li>
          <a href={`/plans/${plan.id}/reports`}>{t('plans.page.reports')}</a>
        </li>
      </ul>
      <Workflow plan={plan} version={version} mayWrite={mayWrite} mayReview={mayReview} state={state} />

      <section aria-labelledby="part1">
        <h2 id="part1">{t('plans.parts.part1')}</h2>
        <SummaryList
          rows={[
            { key: t('plans.fields.partner'), value: <a href={`/partners/${plan.partnerId}`}>{names.partner.name}</a> },
            { key: t('plans.fields.country'), value: names.partner.countryName },
            { key: t('plans.fields.region'), value: `${names.partner.nutsName} (NUTS ${names.partner.nutsCode})` },
            {
              key: t('plans.fields.contact'),
              value: content.contact.name ? [content.contact.name, content.contact.email].filter(Boolean).join(', ') : t('plans.page.contactSignedIn'),
            },
          ]}
        />
        {editable ? (
          <ButtonLink href={`/plans/${plan.id}/context`} variant="secondary">
            {t('plans.page.editContext')}
          </ButtonLink>
        ) : null}
        <Comments planId={plan.id} target="part1" comments={comments} mayComment={commentable} />
      </section>

      <section aria-labelledby="part2">
        <h2 id="part2">{t('plans.parts.part2')}</h2>
        {content.instruments.length === 0 ? <p>{t('plans.page.noInstruments')}</p> : null}
        {content.instruments.map((instrument) => (
          <div key={instrument.key} class="card">
            <h3 class="card__title" lang={lang}>
              {instrument.name}
            </h3>
            <SummaryList
              rows={[
                { key: t('plans.fields.instrumentKind'), value: t(`plans.instrumentKinds.${instrument.kind}`) },
                { key: t('plans.fields.managingBody'), value: instrument.managingBody ? <span lang={lang}>{instrument.managingBody}</span> : '–' },
                { key: t('plans.fields.instrumentImprovement'), value: instrument.improvement ? <span lang={lang}>{instrument.improvement}</span> : '–' },
              ]}
            />
          </div>
        ))}
        <Comments planId={plan.id} target="part2" comments={comments} mayComment={commentable} />
      </section>

      <section aria-labelledby="part3">
        <h2 id="part3">{t('plans.parts.part3')}</h2>
        {editable ? <ButtonLink href={`/plans/${plan.id}/actions/new`}>{t('plans.page.addAction')}</ButtonLink> : null}
        {content.actions.length === 0 ? <p>{t('plans.page.noActions')}</p> : null}
        {content.actions.map((action, index) => (
          <section key={action.key} aria-labelledby={`action-${action.key}`} class="card">
            <h3 id={`action-${action.key}`} class="card__title">
              {t('plans.page.actionNumber', { number: index + 1 })} <span lang={lang}>{action.title}</span>
            </h3>
            <ActionDetails action={action} names={names} language={content.language} />
            {editable ? (
              <div class="button-group">
                <a href={`/plans/${plan.id}/actions/${action.key}/edit`}>
                  {t('common.actions.edit')}
                  <span class="visually-hidden"> {action.title}</span>
                </a>
                {index > 0 ? (
                  <Form action={`/plans/${plan.id}/actions/${action.key}/move`}>
                    <SubmitButton variant="link" name="direction" value="up">
                      {t('plans.page.moveUp')}
                      <span class="visually-hidden"> {action.title}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
                {index < content.actions.length - 1 ? (
                  <Form action={`/plans/${plan.id}/actions/${action.key}/move`}>
                    <SubmitButton variant="link" name="direction" value="down">
                      {t('plans.page.moveDown')}
                      <span class="visually-hidden"> {action.title}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
                <a href={`/plans/${plan.id}/actions/${action.key}/delete`}>
                  {t('common.actions.delete')}
                  <span class="visually-hidden"> {action.title}</span>
                </a>
              </div>
            ) : null}
            <Comments planId={plan.id} target={`action:${action.key}`} comments={comments} mayComment={commentable} />
          </section>
        ))}
      </section>

      {content.actions.some((action) => action.startsOn) ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('plans.page.timeline')}</h2>
          <figure class="chart">
            <img src={`/plans/${plan.id}/timeline.svg${query}`} alt={t('plans.page.timelineAlt')} width={720} />
          </figure>
          <DataTable
            caption={t('plans.page.timelineTable')}
            head={
              <tr>
                <th scope="col">{t('plans.fields.action')}</th>
                <th scope="col">{t('plans.fields.startsOn')}</th>
                <th scope="col">{t('plans.fields.endsOn')}</th>
                <th scope="col">{t('plans.fields.status')}</th>
              </tr>
            }
          >
            {content.actions.map((action) => (
              <tr key={action.key}>
                <th scope="row" lang={lang}>
                  {action.title}
                </th>
                <td>{action.startsOn ? formatDate(action.startsOn) : '–'}</td>
                <td>{action.endsOn ? formatDate(action.endsOn) : '–'}</td>
                <td>
                  <Tag>{t(`plans.reportStatuses.${statuses.get(action.key) ?? 'not_started'}`)}</Tag>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </Layout>
  );
}
