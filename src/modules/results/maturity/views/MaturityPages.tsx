/**
 * The maturity self-assessment's pages: the programme overview, a partner's radar and rounds, a round (its scores,
 * answers, questionnaire, invitations), the invited stakeholder's page, and the framework.
 */
import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, DataTable, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { radarSize } from '../chart.js';
import { maxLevel, questionsOf, roundScore, textIn, type Framework, type FrameworkProblem, type RoundScores } from '../framework.js';
import type { AnswerInput, MaturityRound, PartnerProgress, Respondent, RoundAnswer, ScoredRound, Suggestion } from '../service.js';
import { Questionnaire } from './Questionnaire.js';

function Score({ value }: { value: number | null | undefined }) {
  const { t, formatNumber } = useView();
  if (value === null || value === undefined) return <span>{t('maturity.scores.none')}</span>;
  return <>{formatNumber(roundScore(value))}</>;
}

function Change({ value }: { value: number | null }) {
  const { t, formatNumber } = useView();
  if (value === null) return <span>{t('maturity.scores.noChange')}</span>;
  const rounded = roundScore(value);
  return <>{`${rounded > 0 ? '+' : ''}${formatNumber(rounded)}`}</>;
}

function IllustrativeNotice({ shown }: { shown: boolean }) {
  const { t } = useView();
  return shown ? (
    <div class="notice" role="note">
      <p>
        <strong>{t('maturity.illustrative.title')}</strong> {t('maturity.illustrative.body')}
      </p>
    </div>
  ) : null;
}

/** How the scores are computed, shown wherever scores are. */
export function MethodSection() {
  const { t } = useView();
  return (
    <section aria-labelledby="maturity-method">
      <h2 id="maturity-method">{t('maturity.method.title')}</h2>
      <ol>
        <li>{t('maturity.method.question')}</li>
        <li>{t('maturity.method.dimension')}</li>
        <li>{t('maturity.method.overall')}</li>
        <li>{t('maturity.method.change')}</li>
      </ol>
      <p>{t('maturity.method.example')}</p>
    </section>
  );
}

export interface OverviewProps {
  programmeTitle: string;
  progress: PartnerProgress[];
  partnerNames: Map<number, string>;
  programmeChange: number | null;
  illustrative: boolean;
  /** Partners whose page the actor is offered as theirs (an editor's own partner). */
  ownPartnerIds: number[];
  canDefine: boolean;
  programmeId: number;
}

export function OverviewPage({ programmeTitle, progress, partnerNames, programmeChange, illustrative, ownPartnerIds, canDefine, programmeId }: OverviewProps) {
  const { t, formatDate } = useView();
  const withRounds = new Set(progress.map((entry) => entry.partnerId));
  return (
    <Layout title={t('maturity.overview.title')}>
      <PageHeading caption={programmeTitle}>{t('maturity.overview.title')}</PageHeading>
      <p class="lead">{t('maturity.overview.intro')}</p>
      <IllustrativeNotice shown={illustrative} />
      {ownPartnerIds.length ? (
        <ul>
          {ownPartnerIds.map((partnerId) => (
            <li key={partnerId}>
              <a href={`/results/maturity/partners/${partnerId}`}>{t('maturity.overview.ownPartner', { partner: partnerNames.get(partnerId) ?? '' })}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="maturity-programme">
        <h2 id="maturity-programme">{t('maturity.overview.programme')}</h2>
        <p>
          {t('maturity.overview.programmeChange')}{' '}
          <strong>{programmeChange === null ? t('maturity.scores.noChange') : <Change value={programmeChange} />}</strong>
        </p>
        <DataTable
          caption={t('maturity.overview.tableCaption')}
          head={
            <tr>
              <th scope="col">{t('maturity.fields.partner')}</th>
              <th scope="col">{t('maturity.fields.baseline')}</th>
              <th scope="col" class="numeric">
                {t('maturity.fields.baselineScore')}
              </th>
              <th scope="col">{t('maturity.fields.latest')}</th>
              <th scope="col" class="numeric">
                {t('maturity.fields.latestScore')}
              </th>
              <th scope="col" class="numeric">
                {t('maturity.fields.change')}
              </th>
            </tr>
          }
        >
          {[...partnerNames].map(([partnerId, name]) => {
            const entry = progress.find((candidate) => candidate.partnerId === partnerId);
            return (
              <tr key={partnerId}>
                <th scope="row">
                  <a href={`/results/maturity/partners/${partnerId}`}>{name}</a>
                </th>
                {entry ? (
                  <>
                    <td>
                      <a href={`/results/maturity/rounds/${entry.baseline.round.id}`}>{entry.baseline.round.label}</a> (
                      {formatDate(entry.baseline.round.assessedOn)})
                    </td>
                    <td class="numeric">
                      <Score value={entry.baseline.scores.overall} />
                    </td>
                    <td>
                      <a href={`/results/maturity/rounds/${entry.latest.round.id}`}>{entry.latest.round.label}</a> ({formatDate(entry.latest.round.assessedOn)})
                    </td>
                    <td class="numeric">
                      <Score value={entry.latest.scores.overall} />
                    </td>
                    <td class="numeric">
                      <Change value={entry.change} />
                    </td>
                  </>
                ) : (
                  <td colSpan={5}>{withRounds.has(partnerId) ? '' : t('maturity.overview.noRounds')}</td>
                )}
              </tr>
            );
          })}
        </DataTable>
        <p>
          <a href={`/results/maturity/programme.csv?programme=${programmeId}`}>{t('maturity.overview.csv')}</a>
        </p>
      </section>
      <MethodSection />
      <p>
        <a href={`/results/maturity/framework?programme=${programmeId}`}>{canDefine ? t('maturity.framework.manageLink') : t('maturity.framework.viewLink')}</a>
      </p>
    </Layout>
  );
}

/** Baseline and latest per dimension: the table beside the radar (and its CSV). */
export function DimensionTable({ progress, caption }: { progress: PartnerProgress; caption: string }) {
  const { t, locale } = useView();
  const framework = progress.latest.framework;
  const baselineOf = (key: string) => progress.baseline.scores.dimensions.find((dimension) => dimension.key === key)?.score ?? null;
  const latestOf = (key: string) => progress.latest.scores.dimensions.find((dimension) => dimension.key === key)?.score ?? null;
  const change = (key: string) => {
    const before = baselineOf(key);
    const after = latestOf(key);
    return progress.rounds < 2 || before === null || after === null ? null : after - before;
  };
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col">{t('maturity.fields.dimension')}</th>
          <th scope="col" class="numeric">
            {t('maturity.fields.baselineOf', { label: progress.baseline.round.label })}
          </th>
          <th scope="col" class="numeric">
            {t('maturity.fields.latestOf', { label: progress.latest.round.label })}
          </th>
          <th scope="col" class="numeric">
            {t('maturity.fields.change')}
          </th>
        </tr>
      }
    >
      {framework.dimensions.map((dimension) => (
        <tr key={dimension.key}>
          <th scope="row">{textIn(dimension.name, locale)}</th>
          <td class="numeric">
            <Score value={baselineOf(dimension.key)} />
          </td>
          <td class="numeric">
            <Score value={latestOf(dimension.key)} />
          </td>
          <td class="numeric">
            <Change value={change(dimension.key)} />
          </td>
        </tr>
      ))}
      <tr>
        <th scope="row">{t('maturity.fields.overall')}</th>
        <td class="numeric">
          <Score value={progress.baseline.scores.overall} />
        </td>
        <td class="numeric">
          <Score value={progress.latest.scores.overall} />
        </td>
        <td class="numeric">
          <Change value={progress.change} />
        </td>
      </tr>
    </DataTable>
  );
}

function RoundList({ rounds, caption }: { rounds: MaturityRound[]; caption: string }) {
  const { t, formatDate } = useView();
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col">{t('maturity.fields.label')}</th>
          <th scope="col">{t('maturity.fields.assessedOn')}</th>
          <th scope="col">{t('maturity.fields.status')}</th>
        </tr>
      }
    >
      {rounds.map((round) => (
        <tr key={round.id}>
          <th scope="row">
            <a href={`/results/maturity/rounds/${round.id}`}>{round.label}</a>
          </th>
          <td>{formatDate(round.assessedOn)}</td>
          <td>
            {t(`maturity.statuses.${round.status}`)}
            {round.illustrative ? ` (${t('maturity.illustrative.tag')})` : ''}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export interface PartnerPageProps {
  partnerId: number;
  partnerName: string;
  progress: PartnerProgress | undefined;
  rounds: MaturityRound[];
  suggestions: Suggestion[];
  partnerNames: Map<number, string>;
  canOpen: boolean;
  canCreateNeed: boolean;
  state?: FormState | undefined;
}

export function PartnerPage({ partnerId, partnerName, progress, rounds, suggestions, partnerNames, canOpen, canCreateNeed, state }: PartnerPageProps) {
  const { t, formatNumber } = useView();
  const base = `/results/maturity/partners/${partnerId}`;
  return (
    <Layout title={t('maturity.partner.title', { partner: partnerName })} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/results/maturity">{t('maturity.overview.title')}</BackLink>
      <PageHeading caption={t('maturity.overview.title')}>{partnerName}</PageHeading>
      <IllustrativeNotice shown={rounds.some((round) => round.illustrative)} />
      {progress ? (
        <section aria-labelledby="maturity-radar">
          <h2 id="maturity-radar">{t('maturity.partner.radar')}</h2>
          <figure class="chart">
            <img
              src={`${base}/radar.svg`}
              alt={t('maturity.partner.radarAlt', { partner: partnerName, baseline: progress.baseline.round.label, latest: progress.latest.round.label })}
              {...radarSize}
            />
          </figure>
          <DimensionTable progress={progress} caption={t('maturity.partner.tableCaption', { partner: partnerName })} />
          <p>
            <a href={`${base}/scores.csv`}>{t('maturity.partner.csv')}</a>
          </p>
        </section>
      ) : (
        <p>{t('maturity.partner.noScores')}</p>
      )}
      {suggestions.length ? (
        <section aria-labelledby="maturity-suggestions">
          <h2 id="maturity-suggestions">{t('maturity.suggestions.title')}</h2>
          <p>{t('maturity.suggestions.intro')}</p>
          {suggestions.map((suggestion) => (
            <div key={suggestion.dimensionKey}>
              <h3>{t('maturity.suggestions.dimension', { name: suggestion.dimensionName, score: formatNumber(roundScore(suggestion.score)) })}</h3>
              {suggestion.practices.length ? (
                <ul>
                  {suggestion.practices.map((practice) => (
                    <li key={practice.id}>
                      <a href={`/practices/${practice.id}`}>{practice.title}</a> ({partnerNames.get(practice.ownerPartnerId) ?? ''})
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('maturity.suggestions.none')}</p>
              )}
              {canCreateNeed ? (
                <p>
                  <a href={`${base}/learning-needs/${suggestion.dimensionKey}`}>{t('maturity.suggestions.makeNeed', { name: suggestion.dimensionName })}</a>
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="maturity-rounds">
        <h2 id="maturity-rounds">{t('maturity.partner.rounds')}</h2>
        {rounds.length ? (
          <RoundList rounds={rounds} caption={t('maturity.partner.roundsCaption', { partner: partnerName })} />
        ) : (
          <p>{t('maturity.overview.noRounds')}</p>
        )}
      </section>
      {canOpen ? (
        <section aria-labelledby="maturity-open">
          <h2 id="maturity-open">{t('maturity.open.title')}</h2>
          <Form action={`${base}/rounds`}>
            <ErrorSummary state={state} />
            <TextField name="label" label={t('maturity.open.label')} hint={t('maturity.open.labelHint')} state={state} width="medium" />
            <TextField
              name="assessedOn"
              type="date"
              label={t('maturity.open.assessedOn')}
              hint={t('maturity.open.assessedOnHint')}
              state={state}
              width="short"
            />
            <SubmitButton>{t('maturity.open.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <MethodSection />
    </Layout>
  );
}

function ScoresSection({ scores, framework }: { scores: RoundScores; framework: Framework }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="maturity-scores">
      <h2 id="maturity-scores">{t('maturity.round.scores')}</h2>
      <DataTable
        caption={t('maturity.round.scoresCaption')}
        head={
          <tr>
            <th scope="col">{t('maturity.fields.dimension')}</th>
            <th scope="col" class="numeric">
              {t('maturity.fields.score')}
            </th>
          </tr>
        }
      >
        {framework.dimensions.map((dimension) => (
          <tr key={dimension.key}>
            <th scope="row">{textIn(dimension.name, locale)}</th>
            <td class="numeric">
              <Score value={scores.dimensions.find((candidate) => candidate.key === dimension.key)?.score} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('maturity.fields.overall')}</th>
          <td class="numeric">
            <Score value={scores.overall} />
          </td>
        </tr>
      </DataTable>
    </section>
  );
}

function AnswersSection({ framework, respondents, answers }: { framework: Framework; respondents: Respondent[]; answers: RoundAnswer[] }) {
  const { t, locale } = useView();
  const who = (respondent: Respondent, index: number) =>
    respondent.invited
      ? (respondent.invitedName ?? t('maturity.round.erasedStakeholder', { number: index + 1 }))
      : t('maturity.round.editor', { number: index + 1 });
  return (
    <section aria-labelledby="maturity-answers">
      <h2 id="maturity-answers">{t('maturity.round.answers')}</h2>
      {respondents.length === 0 ? <p>{t('maturity.round.noAnswers')}</p> : null}
      {respondents.length ? (
        <DataTable
          caption={t('maturity.round.answersCaption', { max: maxLevel(framework) })}
          head={
            <tr>
              <th scope="col">{t('maturity.fields.question')}</th>
              {respondents.map((respondent, index) => (
                <th scope="col" key={respondent.id}>
                  {who(respondent, index)}
                </th>
              ))}
            </tr>
          }
        >
          {questionsOf(framework).map(({ question }) => (
            <tr key={question.key}>
              <th scope="row">{textIn(question.text, locale)}</th>
              {respondents.map((respondent) => {
                const answer = answers.find((candidate) => candidate.respondentId === respondent.id && candidate.questionKey === question.key);
                return (
                  <td key={respondent.id}>
                    {answer ? String(answer.level) : t('maturity.round.unanswered')}
                    {answer?.comment ? <p class="comment">{answer.comment}</p> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

export interface RoundPageProps {
  round: MaturityRound;
  partnerName: string;
  framework: Framework;
  scored: ScoredRound | undefined;
  answers: { respondents: Respondent[]; answers: RoundAnswer[] } | undefined;
  /** The actor's own saved answers, when they may answer this draft. */
  ownAnswers: AnswerInput[] | undefined;
  state?: FormState | undefined;
  inviteState?: FormState | undefined;
}

export function RoundPage({ round, partnerName, framework, scored, answers, ownAnswers, state, inviteState }: RoundPageProps) {
  const { t, formatDate } = useView();
  const base = `/results/maturity/rounds/${round.id}`;
  const hasErrors = Boolean(state?.errors.length || inviteState?.errors.length);
  const invitations = answers?.respondents.filter((respondent) => respondent.invited) ?? [];
  return (
    <Layout title={`${round.label} – ${partnerName}`} hasErrors={hasErrors}>
      <BackLink href={`/results/maturity/partners/${round.partnerId}`}>{partnerName}</BackLink>
      <PageHeading caption={partnerName}>{round.label}</PageHeading>
      <IllustrativeNotice shown={round.illustrative} />
      <SummaryList
        rows={[
          { key: t('maturity.fields.assessedOn'), value: formatDate(round.assessedOn) },
          { key: t('maturity.fields.status'), value: t(`maturity.statuses.${round.status}`) },
        ]}
      />
      {round.status === 'submitted' ? <p>{t('maturity.round.locked')}</p> : null}
      {scored ? <ScoresSection scores={scored.scores} framework={framework} /> : null}
      {ownAnswers && round.status === 'draft' ? (
        <>
          <section aria-labelledby="maturity-questionnaire">
            <h2 id="maturity-questionnaire">{t('maturity.round.yourAnswers')}</h2>
            <p>{t('maturity.round.draftHint')}</p>
            <Questionnaire framework={framework} action={`${base}/answers`} answers={ownAnswers} state={state} submitLabel={t('maturity.round.save')} />
          </section>
          <section aria-labelledby="maturity-invite">
            <h2 id="maturity-invite">{t('maturity.invite.title')}</h2>
            <p>{t('maturity.invite.intro')}</p>
            {invitations.length ? (
              <ul>
                {invitations.map((respondent) => (
                  <li key={respondent.id}>
                    {respondent.invitedName} – {respondent.answeredAt ? t('maturity.invite.answered') : t('maturity.invite.waiting')}
                  </li>
                ))}
              </ul>
            ) : null}
            <Form action={`${base}/invitations`}>
              <ErrorSummary state={inviteState} />
              <TextField name="name" label={t('maturity.invite.name')} state={inviteState} autocomplete="off" width="medium" />
              <TextField
                name="email"
                type="email"
                label={t('maturity.invite.email')}
                state={inviteState}
                autocomplete="off"
                spellcheck={false}
                width="medium"
              />
              <SubmitButton variant="secondary">{t('maturity.invite.submit')}</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="maturity-submit">
            <h2 id="maturity-submit">{t('maturity.submit.title')}</h2>
            <p>{t('maturity.submit.intro')}</p>
            <p>
              <a class="button button--warning" href={`${base}/submission`}>
                {t('maturity.submit.link')}
              </a>
            </p>
          </section>
        </>
      ) : null}
      {answers ? <AnswersSection framework={framework} respondents={answers.respondents} answers={answers.answers} /> : null}
      <MethodSection />
    </Layout>
  );
}

export function InvitationPage({
  token,
  name,
  partnerName,
  round,
  framework,
  answers,
  state,
  saved,
}: {
  token: string;
  name: string;
  partnerName: string;
  round: MaturityRound;
  framework: Framework;
  answers: AnswerInput[];
  state?: FormState | undefined;
  saved: boolean;
}) {
  const { t } = useView();
  const base = `/results/maturity/invitations/${token}`;
  return (
    <Layout title={t('maturity.invitation.title', { partner: partnerName })} hasErrors={Boolean(state?.errors.length)}>
      <PageHeading caption={round.label}>{t('maturity.invitation.title', { partner: partnerName })}</PageHeading>
      <p class="lead">{t('maturity.invitation.intro', { name, partner: partnerName })}</p>
      {saved ? (
        <div class="notice" role="status">
          <p>{t('maturity.invitation.saved')}</p>
        </div>
      ) : null}
      <Questionnaire framework={framework} action={base} answers={answers} state={state} submitLabel={t('maturity.invitation.save')} />
      <h2>{t('maturity.invitation.privacy')}</h2>
      <p>{t('maturity.invitation.privacyBody')}</p>
      <p>
        <a href={`${base}/erasure`}>{t('maturity.invitation.erase')}</a>
      </p>
    </Layout>
  );
}

export function LinkEndedPage() {
  const { t } = useView();
  return (
    <Layout title={t('maturity.invitation.ended')}>
      <PageHeading>{t('maturity.invitation.ended')}</PageHeading>
      <p>{t('maturity.invitation.endedBody')}</p>
    </Layout>
  );
}

export function FrameworkPage({
  framework,
  programmeId,
  canReplace,
  inUse,
  builtin,
  problems,
  state,
  children,
}: {
  framework: Framework;
  programmeId: number;
  canReplace: boolean;
  inUse: boolean;
  builtin: boolean;
  problems?: FrameworkProblem[] | undefined;
  state?: FormState | undefined;
  children?: ComponentChildren;
}) {
  const { t, locale } = useView();
  const hasErrors = Boolean(problems?.length || state?.errors.length);
  return (
    <Layout title={t('maturity.framework.title')} hasErrors={hasErrors}>
      <BackLink href="/results/maturity">{t('maturity.overview.title')}</BackLink>
      <PageHeading caption={textIn(framework.name, locale)}>{t('maturity.framework.title')}</PageHeading>
      <p>{builtin ? t('maturity.framework.builtin') : t('maturity.framework.custom')}</p>
      <p>
        <a href={`/results/maturity/framework.json?programme=${programmeId}`}>{t('maturity.framework.download')}</a>
      </p>
      <h2>{t('maturity.framework.scale')}</h2>
      <dl class="summary-list">
        {framework.scale.map((level) => (
          <div class="summary-list__row" key={level.level}>
            <dt class="summary-list__key">
              {level.level} – {textIn(level.label, locale)}
            </dt>
            <dd class="summary-list__value">{textIn(level.description, locale)}</dd>
          </div>
        ))}
      </dl>
      {framework.dimensions.map((dimension) => (
        <section key={dimension.key} aria-labelledby={`dimension-${dimension.key}`}>
          <h2 id={`dimension-${dimension.key}`}>{textIn(dimension.name, locale)}</h2>
          <p>{t('maturity.framework.themes', { themes: dimension.themes.join(', ') || '–' })}</p>
          <ol>
            {dimension.questions.map((question) => (
              <li key={question.key}>
                {textIn(question.text, locale)} <span class="muted">({t('maturity.framework.weight', { weight: question.weight })})</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {canReplace ? (
        <section aria-labelledby="framework-replace">
          <h2 id="framework-replace">{t('maturity.framework.replace')}</h2>
          {inUse ? (
            <p>{t('maturity.framework.inUse')}</p>
          ) : (
            <Form action={`/results/maturity/framework?programme=${programmeId}`}>
              <ErrorSummary state={state} title={problems?.length ? t('maturity.framework.problemsTitle', { count: problems.length }) : undefined}>
                {problems?.length ? (
                  <ul class="error-summary__list">
                    {problems.map((problem, index) => (
                      <li key={index}>
                        <a href="#field-definition">
                          {problem.path ? <code>{problem.path}</code> : null} {t(problem.key, problem.values)}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </ErrorSummary>
              <TextArea name="definition" label={t('maturity.framework.definition')} hint={t('maturity.framework.definitionHint')} state={state} rows={16} />
              <SubmitButton>{t('maturity.framework.submit')}</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
      {children}
    </Layout>
  );
}
