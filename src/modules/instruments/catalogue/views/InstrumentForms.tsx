/** The instrument's forms: the catalogue entry (create or edit), a stage change, an organisation of the chain, a measurement. */
import type { ComponentChildren } from 'preact';
import type { FormState, FormValues } from '../../../../core/validation/forms.js';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Field,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { localeNames, locales } from '../../../../core/i18n/locales.js';
import { themeName, type Theme } from '../../../themes/service.js';
import type { Instrument, InstrumentDetails } from '../service.js';
import { audiences, chainRoles, channels, instrumentKinds, procurementRoutes, serviceLanguages, stages } from '../../tables.js';

/** How many rows of public services the form offers (empty rows are ignored). */
const serviceRows = 4;

export function instrumentFormValues(instrument: InstrumentDetails): FormValues {
  const values: FormValues = {
    partnerId: String(instrument.partnerId),
    name: instrument.name,
    description: instrument.description,
    textLanguage: instrument.textLanguage,
    kind: instrument.kind,
    themeCode: instrument.themeCode ?? '',
    serviceName: instrument.services.map((service) => service.name),
    serviceDescription: instrument.services.map((service) => service.description),
    channels: instrument.channels,
    audiences: instrument.audiences,
    languages: instrument.languages,
    isFree: instrument.isFree ? 'yes' : 'no',
    costDescription: instrument.costDescription,
    authentication: instrument.authentication,
    dataReused: instrument.dataReused,
    licence: instrument.licence ?? '',
    repositoryUrl: instrument.repositoryUrl ?? '',
    planAction: instrument.planId === null ? '' : `${instrument.planId}:${instrument.actionKey ?? ''}`,
    practiceId: instrument.practiceId === null ? '' : String(instrument.practiceId),
    eventIds: instrument.events.map((event) => String(event.id)),
  };
  // A checkbox counts as ticked when its name is among the values.
  if (instrument.published) values.published = 'yes';
  if (instrument.contractValuesPublic) values.contractValuesPublic = 'yes';
  return values;
}

export interface LinkChoices {
  owners: { id: number; name: string }[];
  actions: { planId: number; key: string; title: string }[];
  practices: { id: number; title: string }[];
  events: { id: number; title: string }[];
  themes: Theme[];
}

interface InstrumentFormProps {
  mode: 'create' | 'edit';
  action: string;
  cancelHref: string;
  state: FormState;
  choices: LinkChoices;
}

const row = (values: FormValues, name: string, index: number) => {
  const value = values[name];
  return Array.isArray(value) ? (value[index] ?? '') : index === 0 ? (value ?? '') : '';
};

export function InstrumentFormPage({ mode, action, cancelHref, state, choices }: InstrumentFormProps) {
  const { t, locale } = useView();
  const languageName = new Intl.DisplayNames([locale], { type: 'language' });
  const title = mode === 'create' ? t('instruments.form.createTitle') : t('instruments.form.editTitle');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={cancelHref}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} anchors={{ serviceName: 'field-serviceName-1' }} />
      <PageHeading>{title}</PageHeading>
      <Form action={action}>
        <SelectField
          name="partnerId"
          label={t('instruments.fields.partner')}
          state={state}
          placeholder={t('instruments.form.choose')}
          options={choices.owners.map((owner) => ({ value: String(owner.id), label: owner.name }))}
        />
        <TextField name="name" label={t('instruments.fields.name')} state={state} />
        <TextArea name="description" label={t('instruments.fields.description')} state={state} rows={5} />
        <SelectField
          name="textLanguage"
          label={t('instruments.fields.textLanguage')}
          hint={t('instruments.form.textLanguageHint')}
          state={state}
          // Each language in its own name, as the practice form and the language switcher give them.
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <SelectField
          name="kind"
          label={t('instruments.fields.kind')}
          state={state}
          placeholder={t('instruments.form.choose')}
          options={instrumentKinds.map((kind) => ({ value: kind, label: t(`instruments.kinds.${kind}`) }))}
        />
        <SelectField
          name="themeCode"
          label={t('instruments.fields.theme')}
          state={state}
          placeholder={t('instruments.form.noTheme')}
          options={choices.themes.filter((theme) => !theme.retired).map((theme) => ({ value: theme.code, label: themeName(theme, locale) }))}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('instruments.fields.services')}</legend>
          <p class="field__hint">{t('instruments.form.servicesHint')}</p>
          {Array.from({ length: Math.max(serviceRows, (state.values.serviceName as string[] | undefined)?.length ?? 0) }, (_, index) => (
            <div class="field-row" key={index}>
              {(['serviceName', 'serviceDescription'] as const).map((name) => (
                <Field key={name} id={`field-${name}-${index + 1}`} label={t(`instruments.form.${name}`, { row: index + 1 })}>
                  {(control) => <input class="input" {...control} name={name} value={row(state.values, name, index)} />}
                </Field>
              ))}
            </div>
          ))}
        </fieldset>
        <CheckboxGroup
          name="channels"
          legend={t('instruments.fields.channels')}
          state={state}
          options={channels.map((channel) => ({ value: channel, label: t(`instruments.channels.${channel}`) }))}
        />
        <CheckboxGroup
          name="audiences"
          legend={t('instruments.fields.audiences')}
          state={state}
          options={audiences.map((audience) => ({ value: audience, label: t(`instruments.audiences.${audience}`) }))}
        />
        <CheckboxGroup
          name="languages"
          legend={t('instruments.fields.languages')}
          state={state}
          options={serviceLanguages
            .map((code) => ({ value: code, label: languageName.of(code) ?? code }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))}
        />
        <RadioGroup
          name="isFree"
          legend={t('instruments.form.isFree.legend')}
          state={state}
          options={[
            { value: 'yes', label: t('instruments.form.isFree.yes') },
            { value: 'no', label: t('instruments.form.isFree.no') },
          ]}
        />
        <TextArea name="costDescription" label={t('instruments.fields.cost')} hint={t('instruments.form.costHint')} state={state} rows={2} />
        <TextField name="authentication" label={t('instruments.fields.authentication')} hint={t('instruments.form.authenticationHint')} state={state} />
        <TextArea name="dataReused" label={t('instruments.fields.dataReused')} hint={t('instruments.form.dataReusedHint')} state={state} rows={3} />
        <TextField
          name="licence"
          label={t('instruments.fields.licence')}
          hint={t('instruments.form.licenceHint')}
          state={state}
          width="medium"
          spellcheck={false}
        />
        <TextField name="repositoryUrl" type="url" label={t('instruments.fields.repositoryUrl')} state={state} spellcheck={false} />
        <SelectField
          name="planAction"
          label={t('instruments.fields.planAction')}
          hint={t('instruments.form.planActionHint')}
          state={state}
          placeholder={t('instruments.form.noLink')}
          options={choices.actions.map((entry) => ({ value: `${entry.planId}:${entry.key}`, label: entry.title }))}
        />
        <SelectField
          name="practiceId"
          label={t('instruments.fields.practice')}
          state={state}
          placeholder={t('instruments.form.noLink')}
          options={choices.practices.map((practice) => ({ value: String(practice.id), label: practice.title }))}
        />
        {choices.events.length ? (
          <CheckboxGroup
            name="eventIds"
            legend={t('instruments.fields.events')}
            state={state}
            options={choices.events.map((event) => ({ value: String(event.id), label: event.title }))}
          />
        ) : null}
        {mode === 'create' ? (
          <>
            <SelectField
              name="stage"
              label={t('instruments.form.initialStage')}
              state={state}
              placeholder={t('instruments.form.choose')}
              options={stages.map((stage) => ({ value: stage, label: t(`instruments.stages.${stage}`) }))}
            />
            <TextField
              name="stageSince"
              type="date"
              label={t('instruments.form.stageSince')}
              hint={t('instruments.form.dateHint')}
              state={state}
              width="medium"
            />
          </>
        ) : null}
        <Checkbox name="published" label={t('instruments.form.published')} hint={t('instruments.form.publishedHint')} state={state} />
        <Checkbox
          name="contractValuesPublic"
          label={t('instruments.form.contractValuesPublic')}
          hint={t('instruments.form.contractValuesPublicHint')}
          state={state}
        />
        <div class="button-group">
          <SubmitButton>{mode === 'create' ? t('instruments.form.createSubmit') : t('instruments.form.editSubmit')}</SubmitButton>
          <a href={cancelHref}>{t('common.actions.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

interface SmallFormProps {
  instrument: Pick<Instrument, 'id' | 'name' | 'stage'>;
  state: FormState;
}

function SmallForm({
  instrument,
  state,
  title,
  action,
  children,
  submit,
}: SmallFormProps & { title: string; action: string; children: ComponentChildren; submit: string }) {
  const { t } = useView();
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/instruments/${instrument.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={instrument.name}>{title}</PageHeading>
      <Form action={action}>
        {children}
        <div class="button-group">
          <SubmitButton>{submit}</SubmitButton>
          <a href={`/instruments/${instrument.id}`}>{t('common.actions.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function StageFormPage({ instrument, state }: SmallFormProps) {
  const { t } = useView();
  return (
    <SmallForm
      instrument={instrument}
      state={state}
      title={t('instruments.stage.title')}
      action={`/instruments/${instrument.id}/stage`}
      submit={t('instruments.stage.submit')}
    >
      <p>{t('instruments.stage.current', { stage: t(`instruments.stages.${instrument.stage}`) })}</p>
      <RadioGroup
        name="stage"
        legend={t('instruments.stage.stage.legend')}
        state={state}
        options={stages.map((stage) => ({ value: stage, label: t(`instruments.stages.${stage}`) }))}
      />
      <TextField
        name="occurredOn"
        type="date"
        label={t('instruments.stage.occurredOn.label')}
        hint={t('instruments.form.dateHint')}
        state={state}
        width="medium"
      />
      <TextArea name="evidence" label={t('instruments.stage.evidence.label')} hint={t('instruments.stage.evidence.hint')} state={state} rows={3} />
      <TextArea name="reason" label={t('instruments.stage.reason.label')} hint={t('instruments.stage.reason.hint')} state={state} rows={3} />
    </SmallForm>
  );
}

export function ChainFormPage({ instrument, state, organisations }: SmallFormProps & { organisations: { id: number; name: string }[] }) {
  const { t } = useView();
  return (
    <SmallForm
      instrument={instrument}
      state={state}
      title={t('instruments.chain.title')}
      action={`/instruments/${instrument.id}/chain`}
      submit={t('instruments.chain.submit')}
    >
      <SelectField
        name="organisationId"
        label={t('instruments.chain.organisationId.label')}
        hint={t('instruments.chain.organisationId.hint')}
        state={state}
        placeholder={t('instruments.form.choose')}
        options={organisations.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))}
      />
      <RadioGroup
        name="role"
        legend={t('instruments.chain.role.legend')}
        state={state}
        options={chainRoles.map((role) => ({ value: role, label: t(`instruments.roles.${role}`) }))}
      />
      <RadioGroup
        name="inRegion"
        legend={t('instruments.chain.inRegion.legend')}
        state={state}
        options={[
          { value: 'yes', label: t('instruments.page.yes') },
          { value: 'no', label: t('instruments.page.no') },
        ]}
      />
      <TextField
        name="contractValueEur"
        label={t('instruments.chain.contractValueEur.label')}
        hint={t('instruments.chain.contractValueEur.hint')}
        state={state}
        width="medium"
        inputMode="decimal"
      />
      <RadioGroup
        name="procurement"
        legend={t('instruments.chain.procurement.legend')}
        state={state}
        options={procurementRoutes.map((route) => ({ value: route, label: t(`instruments.procurement.${route}`) }))}
      />
    </SmallForm>
  );
}

export function ImpactFormPage({ instrument, state }: SmallFormProps) {
  const { t } = useView();
  const number = (name: string, hint?: string) => (
    <TextField name={name} label={t(`instruments.impact.${name}.label`)} {...(hint ? { hint } : {})} state={state} width="medium" inputMode="decimal" />
  );
  return (
    <SmallForm
      instrument={instrument}
      state={state}
      title={t('instruments.impact.title')}
      action={`/instruments/${instrument.id}/impact`}
      submit={t('instruments.impact.submit')}
    >
      <p>{t('instruments.impact.intro')}</p>
      <TextField
        name="periodStart"
        type="date"
        label={t('instruments.impact.periodStart.label')}
        hint={t('instruments.form.dateHint')}
        state={state}
        width="medium"
      />
      <TextField
        name="periodEnd"
        type="date"
        label={t('instruments.impact.periodEnd.label')}
        hint={t('instruments.form.dateHint')}
        state={state}
        width="medium"
      />
      {number('users')}
      {number('transactions')}
      {number('processingMinutesDigital')}
      {number('processingMinutesFormer', t('instruments.impact.formerHint'))}
      {number('costDigitalEur')}
      {number('costFormerEur', t('instruments.impact.formerHint'))}
      {number('satisfactionPercent', t('instruments.impact.percentHint'))}
      {number('digitalSharePercent', t('instruments.impact.digitalShareHint'))}
    </SmallForm>
  );
}
