/** Writing a good practice following the Interreg Europe template: new, edited, or proposed by a stakeholder. */
import { countryOptions } from '../../../../core/i18n/countries.js';
import { localeNames, locales } from '../../../../core/i18n/locales.js';
import type { FormState, FormValues } from '../../../../core/validation/forms.js';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  errorFor,
  type Option,
} from '../../../../core/views/components/forms.js';
import { BackLink, Inset, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { themeName, type Theme } from '../../../themes/service.js';
import { summaryMaxLength } from '../../schema.js';
import type { Practice } from '../service.js';
import { geographicalScopes } from '../../tables.js';

/** The form's fields filled from a practice, for editing. */
export function practiceFormValues(practice: Practice): FormValues {
  const values: FormValues = {
    ownerPartnerId: String(practice.ownerPartnerId),
    ownerOrganisationId: practice.ownerOrganisationId === null ? '' : String(practice.ownerOrganisationId),
    language: practice.language,
    title: practice.title,
    summary: practice.summary,
    objective: practice.objective,
    description: practice.description,
    themes: practice.themes,
    // One item a line, as typed: the form reads these lists back at line breaks only (schema.ts linesOf).
    keywords: practice.keywords.join('\n'),
    locationCountry: practice.locationCountry ?? '',
    locationNuts: practice.locationNuts ?? '',
    locationCity: practice.locationCity ?? '',
    geographicalScope: practice.geographicalScope ?? '',
    resources: practice.resources,
    resourcesEur: practice.resourcesEur === null ? '' : String(practice.resourcesEur),
    startsOn: practice.startsOn ?? '',
    endsOn: practice.endsOn ?? '',
    evidence: practice.evidence,
    transferPotential: practice.transferPotential,
    difficulties: practice.difficulties,
    links: practice.links.join('\n'),
    contactName: practice.contactName ?? '',
    contactEmail: practice.contactEmail ?? '',
  };
  for (const locale of locales) {
    values[`title_${locale}`] = practice.translations[locale]?.title ?? '';
    values[`summary_${locale}`] = practice.translations[locale]?.summary ?? '';
  }
  return values;
}

interface Props {
  mode: 'create' | 'edit' | 'propose';
  practice?: Practice;
  state: FormState;
  partnerOptions: Option[];
  organisationOptions: Option[];
  themes: Theme[];
  /** Set when the title matches another practice of the same owner. */
  duplicate?: { id: number; title: string; exact: boolean };
}

export function PracticeFormPage({ mode, practice, state, partnerOptions, organisationOptions, themes, duplicate }: Props) {
  const { t, locale } = useView();
  const title = mode === 'edit' && practice ? t('practices.form.editTitle', { title: practice.title }) : t(`practices.form.${mode}Title`);
  const action = mode === 'edit' && practice ? `/practices/${practice.id}` : mode === 'propose' ? '/practices/proposals' : '/practices';
  const offered = themes.filter((theme) => !theme.retired || (practice?.themes ?? []).includes(theme.code));
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={practice ? `/practices/${practice.id}` : '/practices'}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      {mode === 'propose' ? <p>{t('practices.form.proposeIntro')}</p> : null}
      <Form action={action}>
        {duplicate && errorFor(state, 'title') ? (
          <Inset>
            <p>
              {t(duplicate.exact ? 'practices.form.duplicate.intro' : 'practices.form.duplicate.similarIntro')}{' '}
              <a href={`/practices/${duplicate.id}`}>{duplicate.title}</a>
            </p>
            <Checkbox name="confirmDuplicate" label={t('practices.form.duplicate.confirm')} state={{ values: {}, errors: [] }} />
          </Inset>
        ) : null}
        <fieldset class="fieldset form-section">
          <legend class="form-section__legend">{t('practices.form.sections.about')}</legend>
          <SelectField
            name="ownerPartnerId"
            label={t('practices.form.ownerPartnerId.label')}
            hint={mode === 'propose' ? t('practices.form.ownerPartnerId.proposeHint') : undefined}
            state={state}
            options={partnerOptions}
          />
          <SelectField
            name="ownerOrganisationId"
            label={t('practices.form.ownerOrganisationId.label')}
            hint={t('practices.form.ownerOrganisationId.hint')}
            state={state}
            options={organisationOptions}
            placeholder={t('practices.form.ownerOrganisationId.none')}
          />
          <SelectField
            name="language"
            label={t('practices.form.language.label')}
            hint={t('practices.form.language.hint')}
            state={state}
            options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
          />
          <TextField name="title" label={t('practices.form.title.label')} state={state} />
          <TextArea
            name="summary"
            label={t('practices.form.summary.label')}
            hint={t('practices.form.summary.hint', { max: summaryMaxLength })}
            state={state}
            rows={4}
          />
          <CheckboxGroup
            name="themes"
            legend={t('practices.form.themes.label')}
            hint={t('practices.form.themes.hint')}
            state={state}
            options={offered.map((theme) => ({ value: theme.code, label: themeName(theme, locale) }))}
          />
          <TextArea name="keywords" label={t('practices.form.keywords.label')} hint={t('practices.form.keywords.hint')} state={state} rows={4} />
        </fieldset>

        <fieldset class="fieldset form-section">
          <legend class="form-section__legend">{t('practices.form.sections.where')}</legend>
          <SelectField
            name="locationCountry"
            label={t('practices.form.locationCountry.label')}
            state={state}
            options={countryOptions(locale)}
            placeholder={t('common.choose')}
          />
          <TextField
            name="locationNuts"
            label={t('practices.form.locationNuts.label')}
            hint={t('practices.form.locationNuts.hint')}
            state={state}
            width="short"
            spellcheck={false}
          />
          <TextField name="locationCity" label={t('practices.form.locationCity.label')} state={state} width="medium" />
          <RadioGroup
            name="geographicalScope"
            legend={t('practices.form.geographicalScope.label')}
            state={state}
            options={geographicalScopes.map((scope) => ({ value: scope, label: t(`practices.scope.${scope}`) }))}
          />
        </fieldset>

        <fieldset class="fieldset form-section">
          <legend class="form-section__legend">{t('practices.form.sections.practice')}</legend>
          <TextArea name="objective" label={t('practices.fields.objective')} state={state} rows={4} />
          <TextArea name="description" label={t('practices.fields.description')} hint={t('practices.form.description.hint')} state={state} rows={10} />
          <TextArea name="resources" label={t('practices.fields.resources')} hint={t('practices.form.resources.hint')} state={state} rows={3} />
          <TextField
            name="resourcesEur"
            label={t('practices.form.resourcesEur.label')}
            hint={t('practices.form.resourcesEur.hint')}
            state={state}
            width="medium"
            inputMode="decimal"
          />
          <TextField name="startsOn" type="date" label={t('practices.form.startsOn.label')} hint={t('common.dateHint')} state={state} width="medium" />
          <TextField name="endsOn" type="date" label={t('practices.form.endsOn.label')} hint={t('practices.form.endsOn.hint')} state={state} width="medium" />
          <TextArea name="evidence" label={t('practices.fields.evidence')} state={state} rows={5} />
          <TextArea name="transferPotential" label={t('practices.fields.transferPotential')} state={state} rows={5} />
          <TextArea name="difficulties" label={t('practices.fields.difficulties')} state={state} rows={4} />
          <TextArea name="links" label={t('practices.fields.links')} hint={t('practices.form.links.hint')} state={state} rows={3} />
        </fieldset>

        <fieldset class="fieldset form-section">
          <legend class="form-section__legend">{t('practices.fields.contact')}</legend>
          <p class="field__hint">{t('practices.form.contactHint')}</p>
          <TextField name="contactName" label={t('practices.form.contactName.label')} state={state} autocomplete="off" />
          <TextField name="contactEmail" type="email" label={t('practices.form.contactEmail.label')} state={state} autocomplete="off" spellcheck={false} />
        </fieldset>

        <details
          class="details form-section"
          open={locales.some((code) => Boolean(state.values[`title_${code}`]) || Boolean(state.values[`summary_${code}`])) || undefined}
        >
          <summary>{t('practices.form.sections.translations')}</summary>
          <p class="field__hint">{t('practices.form.translationsHint')}</p>
          {locales.map((code) => (
            <div key={code}>
              <TextField name={`title_${code}`} label={t('practices.form.translatedTitle', { language: localeNames[code] })} state={state} />
              <TextArea name={`summary_${code}`} label={t('practices.form.translatedSummary', { language: localeNames[code] })} state={state} rows={3} />
            </div>
          ))}
        </details>

        <SubmitButton>
          {mode === 'edit' ? t('common.actions.saveChanges') : mode === 'propose' ? t('practices.form.proposeSubmit') : t('practices.form.createSubmit')}
        </SubmitButton>
      </Form>
    </Layout>
  );
}
