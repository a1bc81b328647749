/**
 * The plan's forms: Parts I–II (contact and policy instruments) and an action of Part III. Repeated rows
 * (instruments, players, funding) are plain fields with one id each, so the error summary points at the row
 * that has the problem, and the form works without scripts.
 */
import { localeNames, locales, type Locale } from '../../../../core/i18n/locales.js';
import type { FormState, FormValues } from '../../../../core/validation/forms.js';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Field,
  Form,
  OptionList,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type Option,
} from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { improvementTypes, instrumentKinds, type PlanAction, type PlanContent } from '../../content.js';
import type { linkChoices } from '../service.js';

type Choices = Awaited<ReturnType<typeof linkChoices>>;

/** The id of a repeated field's row: the first row keeps the field's own id. */
function rowId(name: string, row: number): string {
  return row === 1 ? `field-${name}` : `field-${name}-${row}`;
}

/** Where the error summary should send each problem: to the row it names. */
function rowAnchors(state: FormState): Record<string, string> {
  return Object.fromEntries(
    state.errors.filter((error) => typeof error.values?.row === 'number').map((error) => [error.field, rowId(error.field, Number(error.values?.row))]),
  );
}

function rowsFrom(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

interface RowFieldProps {
  name: string;
  row: number;
  label: string;
  value: string;
}

function RowInput({ name, row, label, value }: RowFieldProps) {
  return (
    <Field id={rowId(name, row)} label={label}>
      {(control) => <input class="input" {...control} name={name} type="text" value={value} />}
    </Field>
  );
}

function RowSelect({ name, row, label, value, options, placeholder }: RowFieldProps & { options: Option[]; placeholder: string }) {
  return (
    <Field id={rowId(name, row)} label={label}>
      {(control) => (
        <select class="select" {...control} name={name}>
          <option value="">{placeholder}</option>
          <OptionList options={options} selected={value} />
        </select>
      )}
    </Field>
  );
}

/** The context form's values from the plan; a plan without a language yet starts from the reader's. */
export function contextValues(content: PlanContent, readerLanguage: Locale): FormValues {
  return {
    textLanguage: content.language ?? readerLanguage,
    contactName: content.contact.name,
    contactEmail: content.contact.email ?? '',
    instrumentKey: content.instruments.map((instrument) => instrument.key),
    instrumentName: content.instruments.map((instrument) => instrument.name),
    instrumentKind: content.instruments.map((instrument) => instrument.kind),
    instrumentBody: content.instruments.map((instrument) => instrument.managingBody),
    instrumentImprovement: content.instruments.map((instrument) => instrument.improvement),
  };
}

export function ContextFormPage({ planId, state }: { planId: number; state: FormState }) {
  const { t } = useView();
  const title = t('plans.context.title');
  const names = rowsFrom(state.values, 'instrumentName');
  const count = Math.max(names.length + 1, 2);
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/plans/${planId}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} anchors={rowAnchors(state)} />
      <PageHeading>{title}</PageHeading>
      <Form action={`/plans/${planId}/context`}>
        <SelectField
          name="textLanguage"
          label={t('plans.context.textLanguage.label')}
          hint={t('plans.context.textLanguage.hint')}
          state={state}
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <h2>{t('plans.parts.part1')}</h2>
        <TextField name="contactName" label={t('plans.context.contactName.label')} state={state} autocomplete="name" />
        <TextField name="contactEmail" type="email" label={t('plans.context.contactEmail.label')} state={state} autocomplete="email" />
        <h2>{t('plans.parts.part2')}</h2>
        <p>{t('plans.context.instrumentsIntro')}</p>
        {Array.from({ length: count }, (_, index) => {
          const row = index + 1;
          return (
            <fieldset class="fieldset panel" key={row}>
              <legend class="fieldset__legend">{t('plans.context.instrumentLegend', { row })}</legend>
              <input type="hidden" name="instrumentKey" value={rowsFrom(state.values, 'instrumentKey')[index] ?? ''} />
              <RowInput name="instrumentName" row={row} label={t('plans.fields.instrumentName')} value={names[index] ?? ''} />
              <RowSelect
                name="instrumentKind"
                row={row}
                label={t('plans.fields.instrumentKind')}
                value={rowsFrom(state.values, 'instrumentKind')[index] ?? ''}
                placeholder={t('plans.context.chooseKind')}
                options={instrumentKinds.map((kind) => ({ value: kind, label: t(`plans.instrumentKinds.${kind}`) }))}
              />
              <RowInput name="instrumentBody" row={row} label={t('plans.fields.managingBody')} value={rowsFrom(state.values, 'instrumentBody')[index] ?? ''} />
              <Field id={rowId('instrumentImprovement', row)} label={t('plans.fields.instrumentImprovement')}>
                {(control) => (
                  <textarea class="textarea" {...control} name="instrumentImprovement" rows={3}>
                    {rowsFrom(state.values, 'instrumentImprovement')[index] ?? ''}
                  </textarea>
                )}
              </Field>
            </fieldset>
          );
        })}
        <SubmitButton>{t('common.actions.saveChanges')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function actionValues(action: PlanAction): FormValues {
  return {
    title: action.title,
    background: action.background,
    practiceIds: action.practiceIds.map(String),
    eventIds: action.eventIds.map(String),
    transferIds: action.transferIds.map(String),
    description: action.description,
    playerOrganisationId: action.players.map((player) => String(player.organisationId)),
    playerRole: action.players.map((player) => player.role),
    startsOn: action.startsOn ?? '',
    endsOn: action.endsOn ?? '',
    milestones: action.milestones.map((milestone) => `${milestone.dueOn} ${milestone.title}`).join('\n'),
    costsEur: action.costsEur === null ? '' : String(action.costsEur),
    fundingSource: action.funding.map((line) => line.source),
    fundingAmount: action.funding.map((line) => String(line.amountEur)),
    improvementType: action.improvementType,
    instrumentsText: action.instrumentsText,
  };
}

export function ActionFormPage({
  planId,
  action,
  state,
  choices,
  partnerName,
}: {
  planId: number;
  action: string;
  state: FormState;
  choices: Choices;
  partnerName: Map<number, string>;
}) {
  const { t, formatDate } = useView();
  const creating = action.endsWith('/actions');
  const title = creating ? t('plans.action.addTitle') : t('plans.action.editTitle');
  const players = rowsFrom(state.values, 'playerOrganisationId');
  const funding = rowsFrom(state.values, 'fundingSource');
  const fundingDiffers = state.errors.some((error) => error.field === 'acceptFundingDifference');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/plans/${planId}#part3`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} anchors={rowAnchors(state)} />
      <PageHeading>{title}</PageHeading>
      <Form action={action}>
        <TextField name="title" label={t('plans.fields.title')} state={state} />
        <TextArea name="background" label={t('plans.fields.background')} hint={t('plans.action.backgroundHint')} state={state} rows={4} />
        {choices.practices.length ? (
          <CheckboxGroup
            name="practiceIds"
            legend={t('plans.action.practicesLegend')}
            state={state}
            options={choices.practices.map((practice) => ({
              value: String(practice.id),
              label: `${practice.title} – ${partnerName.get(practice.ownerPartnerId) ?? ''}`,
            }))}
          />
        ) : null}
        {choices.events.length ? (
          <CheckboxGroup
            name="eventIds"
            legend={t('plans.action.eventsLegend')}
            state={state}
            options={choices.events.map((event) => ({ value: String(event.id), label: `${event.title} (${formatDate(event.startsAt)})` }))}
          />
        ) : null}
        {choices.transfers.length ? (
          <CheckboxGroup
            name="transferIds"
            legend={t('plans.action.transfersLegend')}
            state={state}
            options={choices.transfers.map((transfer) => ({ value: String(transfer.id), label: transfer.practiceTitle }))}
          />
        ) : null}
        <TextArea name="description" label={t('plans.fields.description')} state={state} rows={6} />
        <h2>{t('plans.fields.players')}</h2>
        <p>{t('plans.action.playersIntro')}</p>
        {Array.from({ length: Math.max(players.length + 2, 2) }, (_, index) => (
          <fieldset class="fieldset" key={index}>
            <legend class="fieldset__legend">{t('plans.action.playerLegend', { row: index + 1 })}</legend>
            <RowSelect
              name="playerOrganisationId"
              row={index + 1}
              label={t('plans.fields.organisation')}
              value={players[index] ?? ''}
              placeholder={t('plans.action.chooseOrganisation')}
              options={choices.organisations
                .map((organisation) => ({ value: String(organisation.id), label: organisation.name }))
                .sort((a, b) => a.label.localeCompare(b.label))}
            />
            <RowInput name="playerRole" row={index + 1} label={t('plans.fields.role')} value={rowsFrom(state.values, 'playerRole')[index] ?? ''} />
          </fieldset>
        ))}
        <TextField name="startsOn" type="date" label={t('plans.fields.startsOn')} hint={t('common.dateHint')} state={state} width="medium" />
        <TextField name="endsOn" type="date" label={t('plans.fields.endsOn')} hint={t('common.dateHint')} state={state} width="medium" />
        <TextArea name="milestones" label={t('plans.fields.milestones')} hint={t('plans.action.milestonesHint')} state={state} rows={4} />
        <TextField name="costsEur" label={t('plans.fields.costsEur')} hint={t('plans.action.costsHint')} state={state} width="medium" inputMode="decimal" />
        <h2>{t('plans.fields.funding')}</h2>
        <p>{t('plans.action.fundingIntro')}</p>
        {Array.from({ length: Math.max(funding.length + 2, 2) }, (_, index) => (
          <fieldset class="fieldset" key={index}>
            <legend class="fieldset__legend">{t('plans.action.fundingLegend', { row: index + 1 })}</legend>
            <RowInput name="fundingSource" row={index + 1} label={t('plans.fields.fundingSource')} value={funding[index] ?? ''} />
            <RowInput
              name="fundingAmount"
              row={index + 1}
              label={t('plans.fields.fundingAmount')}
              value={rowsFrom(state.values, 'fundingAmount')[index] ?? ''}
            />
          </fieldset>
        ))}
        {fundingDiffers ? <Checkbox name="acceptFundingDifference" label={t('plans.action.acceptFundingDifference')} state={state} /> : null}
        <RadioGroup
          name="improvementType"
          legend={t('plans.fields.improvementType')}
          state={state}
          options={improvementTypes.map((type) => ({ value: type, label: t(`plans.improvementTypes.${type}`) }))}
        />
        <TextArea name="instrumentsText" label={t('plans.fields.instrumentsText')} hint={t('plans.action.instrumentsHint')} state={state} rows={3} />
        <div class="button-group">
          <SubmitButton>{t('plans.action.submit')}</SubmitButton>
          <a href={`/plans/${planId}#part3`}>{t('common.actions.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
