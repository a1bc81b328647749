/** Creating or editing an event: what it is, who hosts and visits, where and when in which zone, and its agenda. */
import type { FormState, FormValues } from '../../../../core/validation/forms.js';
import { CheckboxGroup, ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { themeName, type Theme } from '../../../themes/service.js';
import type { Event } from '../service.js';
import { eventFormats, eventTypes } from '../../tables.js';
import { localOf, timeZones } from '../../time.js';
import { reminderChoices } from '../../schema.js';
import { locales, type Locale } from '../../../../core/i18n/locales.js';

/** A language named in itself ("italiano", "eesti"), as the practice form names them. */
function ownLanguageName(code: Locale): string {
  return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
}

/** The form's fields filled from an event, its times as wall-clock times in its zone. */
export function eventFormValues(event: Event): FormValues {
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    themeCode: event.themeCode ?? '',
    hostPartnerId: String(event.hostPartnerId),
    visitingPartnerIds: event.visitingPartnerIds.map(String),
    format: event.format,
    venue: event.venue,
    onlineUrl: event.onlineUrl ?? '',
    timeZone: event.timeZone,
    startsAt: localOf(event.startsAt, event.timeZone),
    endsAt: localOf(event.endsAt, event.timeZone),
    capacity: event.capacity === null ? '' : String(event.capacity),
    registrationDeadline: event.registrationDeadline ? localOf(event.registrationDeadline, event.timeZone) : '',
    reminderDaysBefore: event.reminderDaysBefore === null ? 'off' : String(event.reminderDaysBefore),
    textLanguage: event.textLanguage,
    agenda: event.agenda.map((item) => (item.timeLabel ? `${item.timeLabel} ${item.title}` : item.title)).join('\n'),
    practiceIds: event.practices.map((practice) => String(practice.id)),
  };
}

interface Props {
  mode: 'create' | 'edit';
  action: string;
  state: FormState;
  hostPartners: { id: number; name: string }[];
  partners: { id: number; name: string }[];
  themes: Theme[];
  practices: { id: number; title: string }[];
  cancelHref: string;
}

export function EventFormPage({ mode, action, state, hostPartners, partners, themes, practices, cancelHref }: Props) {
  const { t, locale } = useView();
  const title = mode === 'create' ? t('events.form.createTitle') : t('events.form.editTitle');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={cancelHref}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <Form action={action}>
        <SelectField
          name="type"
          label={t('events.fields.type')}
          state={state}
          placeholder={t('events.form.choose')}
          options={eventTypes.map((type) => ({ value: type, label: t(`events.types.${type}`) }))}
        />
        <TextField name="title" label={t('events.fields.title')} state={state} />
        <TextArea name="description" label={t('events.fields.description')} state={state} rows={6} />
        <SelectField
          name="textLanguage"
          label={t('events.fields.textLanguage')}
          hint={t('events.form.textLanguageHint')}
          state={state}
          value={locale}
          options={locales.map((code) => ({ value: code, label: ownLanguageName(code) }))}
        />
        <SelectField
          name="themeCode"
          label={t('events.fields.theme')}
          state={state}
          placeholder={t('events.form.noTheme')}
          options={themes.filter((theme) => !theme.retired).map((theme) => ({ value: theme.code, label: themeName(theme, locale) }))}
        />
        <SelectField
          name="hostPartnerId"
          label={t('events.fields.host')}
          state={state}
          placeholder={t('events.form.choose')}
          options={hostPartners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
        />
        <CheckboxGroup
          name="visitingPartnerIds"
          legend={t('events.fields.visitingPartners')}
          hint={t('events.form.visitingHint')}
          state={state}
          options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
        />
        <RadioGroup
          name="format"
          legend={t('events.fields.format')}
          state={state}
          options={eventFormats.map((format) => ({ value: format, label: t(`events.formats.${format}`) }))}
        />
        <TextArea name="venue" label={t('events.fields.venue')} hint={t('events.form.venueHint')} state={state} rows={3} />
        <TextField name="onlineUrl" type="url" label={t('events.fields.onlineUrl')} hint={t('events.form.onlineUrlHint')} state={state} spellcheck={false} />
        <SelectField
          name="timeZone"
          label={t('events.fields.timeZone')}
          hint={t('events.form.timeZoneHint')}
          state={state}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace('_', ' ') }))}
        />
        <TextField name="startsAt" type="datetime-local" label={t('events.fields.startsAt')} hint={t('events.form.timeHint')} state={state} width="medium" />
        <TextField name="endsAt" type="datetime-local" label={t('events.fields.endsAt')} hint={t('events.form.timeHint')} state={state} width="medium" />
        <TextField
          name="capacity"
          type="number"
          label={t('events.fields.capacity')}
          hint={t('events.form.capacityHint')}
          state={state}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="registrationDeadline"
          type="datetime-local"
          label={t('events.fields.registrationDeadline')}
          hint={t('events.form.deadlineHint')}
          state={state}
          width="medium"
        />
        <SelectField
          name="reminderDaysBefore"
          label={t('events.fields.reminderDaysBefore')}
          hint={t('events.form.reminderHint')}
          state={state}
          value="2"
          options={reminderChoices.map((choice) => ({
            value: choice,
            label: choice === 'off' ? t('events.form.reminderOff') : t('events.form.reminderDays', { count: Number(choice) }),
          }))}
        />
        <TextArea name="agenda" label={t('events.fields.agenda')} hint={t('events.form.agendaHint')} state={state} rows={8} />
        {practices.length ? (
          <CheckboxGroup
            name="practiceIds"
            legend={t('events.fields.practices')}
            hint={t('events.form.practicesHint')}
            state={state}
            options={practices.map((practice) => ({ value: String(practice.id), label: practice.title }))}
          />
        ) : null}
        <div class="button-group">
          <SubmitButton>{mode === 'create' ? t('events.form.createSubmit') : t('events.form.editSubmit')}</SubmitButton>
          <a href={cancelHref}>{t('common.actions.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
