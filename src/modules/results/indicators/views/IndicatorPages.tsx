/** The coordinator's indicators of a programme: the list with the built-in switches, and the definition form. */
import { locales, type Locale } from '../../../../core/i18n/locales.js';
import type { FormState } from '../../../../core/validation/forms.js';
import {
  CheckboxGroup,
  Checkbox,
  ErrorSummary,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../../core/views/components/forms.js';
import { BackLink, ButtonLink, DataTable, PageHeading, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { PartnerSummary } from '../../../partners/service.js';
import { indicatorKinds, indicatorMethods, type LocalisedText } from '../../tables.js';
import type { Indicator } from '../../types.js';
import { units, type Unit } from '../../units.js';
import { levels, targetField } from '../schema.js';

/** The indicator's name in the page's language, English when it has none. */
export function localised(text: LocalisedText, locale: Locale): string {
  return text[locale] || text.en || '';
}

export function IndicatorsPage({
  programmeId,
  programmeName,
  indicators,
  mayDefine,
  mayValidate,
}: {
  programmeId: number;
  programmeName: string;
  indicators: Indicator[];
  mayDefine: boolean;
  mayValidate: boolean;
}) {
  const { t, locale, formatNumber, formatDate } = useView();
  const title = t('indicators.list.title', { programme: programmeName });
  const number = (value: number | null) => (value === null ? '–' : formatNumber(value));
  return (
    <Layout title={title}>
      <PageHeading caption={t('indicators.caption')}>{title}</PageHeading>
      <p>
        {mayDefine ? <ButtonLink href={`/results/indicators/new?programme=${programmeId}`}>{t('indicators.list.add')}</ButtonLink> : null}{' '}
        {mayValidate ? <a href={`/results/indicators/reports?programme=${programmeId}&status=submitted`}>{t('indicators.list.queue')}</a> : null}
      </p>
      <DataTable
        caption={t('indicators.list.caption')}
        head={
          <tr>
            <th scope="col">{t('indicators.fields.code')}</th>
            <th scope="col">{t('indicators.fields.name')}</th>
            <th scope="col">{t('indicators.fields.kind')}</th>
            <th scope="col">{t('indicators.fields.unit')}</th>
            <th scope="col">{t('indicators.fields.method')}</th>
            <th scope="col">{t('indicators.fields.level')}</th>
            <th scope="col">{t('indicators.fields.baseline')}</th>
            <th scope="col">{t('indicators.fields.programmeTarget')}</th>
            <th scope="col">{t('indicators.fields.targetDate')}</th>
            <th scope="col">{t('indicators.fields.enabled')}</th>
            <th scope="col">{t('indicators.fields.public')}</th>
          </tr>
        }
      >
        {indicators.map((indicator) => {
          const name = localised(indicator.names, locale);
          return (
            <tr key={indicator.id}>
              <td>{indicator.code}</td>
              <td>
                {mayDefine ? <a href={`/results/indicators/${indicator.id}/edit`}>{name}</a> : name}
                {indicator.method === 'reported' ? (
                  <>
                    {' '}
                    <a href={`/results/indicators/${indicator.id}/reports`}>
                      {t('indicators.list.values')}
                      <span class="visually-hidden"> {name}</span>
                    </a>
                  </>
                ) : null}
              </td>
              <td>{t(`indicators.kinds.${indicator.kind}`)}</td>
              <td>{t(`indicators.units.${indicator.unit}`)}</td>
              <td>{indicator.method === 'computed' ? t('indicators.methods.computed') : t('indicators.methods.reported')}</td>
              <td>
                {[indicator.atProgramme ? t('indicators.levels.programme') : '', indicator.atPartner ? t('indicators.levels.partner') : '']
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>{number(indicator.baseline)}</td>
              <td>{number(indicator.programmeTarget)}</td>
              <td>{indicator.targetDate ? formatDate(indicator.targetDate) : '–'}</td>
              <td>
                <Tag tone={indicator.enabled ? 'success' : 'muted'}>{indicator.enabled ? t('indicators.list.on') : t('indicators.list.off')}</Tag>
                {mayDefine ? (
                  <Form action={`/results/indicators/${indicator.id}/enabled`} class="inline-form">
                    <input type="hidden" name="enabled" value={indicator.enabled ? 'no' : 'yes'} />
                    <SubmitButton variant="link">
                      {indicator.enabled ? t('indicators.list.switchOff') : t('indicators.list.switchOn')}
                      <span class="visually-hidden"> {name}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
              </td>
              <td>{indicator.public ? t('indicators.list.yes') : t('indicators.list.no')}</td>
            </tr>
          );
        })}
      </DataTable>
    </Layout>
  );
}

/** The posted-form shape of a stored indicator, to fill the edit form. */
export function indicatorFormValues(indicator: Indicator): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    code: indicator.code,
    kind: indicator.kind,
    unit: indicator.unit,
    level: [...(indicator.atProgramme ? ['programme'] : []), ...(indicator.atPartner ? ['partner'] : [])],
    method: indicator.method,
    formula: indicator.formula ?? '',
    baseline: String(indicator.baseline),
    programmeTarget: indicator.programmeTarget === null ? '' : String(indicator.programmeTarget),
    targetDate: indicator.targetDate ?? '',
  };
  if (indicator.public) values.public = 'yes';
  for (const locale of locales) {
    values[`name_${locale}`] = indicator.names[locale] ?? '';
    values[`definition_${locale}`] = indicator.definitions[locale] ?? '';
  }
  for (const target of indicator.partnerTargets) values[targetField(target.partnerId)] = String(target.target);
  return values;
}

export function IndicatorFormPage({
  action,
  back,
  editing,
  partners,
  formulas,
  state,
}: {
  action: string;
  back: string;
  editing: boolean;
  partners: PartnerSummary[];
  formulas: { key: string; name: string; unit: Unit }[];
  state: FormState;
}) {
  const { t } = useView();
  const title = editing ? t('indicators.form.editTitle') : t('indicators.form.newTitle');
  const languageName = (locale: Locale) => t(`indicators.languages.${locale}`);
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={back}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={t('indicators.caption')}>{title}</PageHeading>
      <Form action={action}>
        <TextField name="code" label={t('indicators.form.code.label')} hint={t('indicators.form.code.hint')} state={state} width="short" />
        {locales.map((locale) => (
          <TextField
            key={locale}
            name={`name_${locale}`}
            label={t('indicators.form.name.label', { language: languageName(locale) })}
            hint={locale === 'en' ? undefined : t('indicators.form.optional')}
            state={state}
          />
        ))}
        {locales.map((locale) => (
          <TextArea
            key={locale}
            name={`definition_${locale}`}
            label={t('indicators.form.definition.label', { language: languageName(locale) })}
            hint={locale === 'en' ? undefined : t('indicators.form.optional')}
            state={state}
            rows={3}
          />
        ))}
        <RadioGroup
          name="kind"
          legend={t('indicators.fields.kind')}
          state={state}
          options={indicatorKinds.map((kind) => ({ value: kind, label: t(`indicators.kinds.${kind}`) }))}
        />
        <SelectField
          name="unit"
          label={t('indicators.fields.unit')}
          hint={t('indicators.form.unit.hint')}
          state={state}
          placeholder={t('indicators.form.choose')}
          options={units.map((unit) => ({ value: unit, label: t(`indicators.units.${unit}`) }))}
        />
        <CheckboxGroup
          name="level"
          legend={t('indicators.fields.level')}
          state={state}
          options={levels.map((level) => ({ value: level, label: t(`indicators.levels.${level}`) }))}
        />
        <RadioGroup
          name="method"
          legend={t('indicators.fields.method')}
          state={state}
          options={indicatorMethods.map((method) => ({ value: method, label: t(`indicators.methods.${method}`) }))}
        />
        <SelectField
          name="formula"
          label={t('indicators.form.formula.label')}
          hint={t('indicators.form.formula.hint')}
          state={state}
          placeholder={t('indicators.form.choose')}
          options={formulas.map((formula) => ({ value: formula.key, label: `${formula.name} (${t(`indicators.units.${formula.unit}`)})` }))}
        />
        <TextField
          name="baseline"
          label={t('indicators.fields.baseline')}
          hint={t('indicators.form.number.hint')}
          state={state}
          width="medium"
          inputMode="decimal"
        />
        <TextField
          name="programmeTarget"
          label={t('indicators.fields.programmeTarget')}
          hint={t('indicators.form.number.hint')}
          state={state}
          width="medium"
          inputMode="decimal"
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('indicators.form.partnerTargets')}</legend>
          {partners.map((partner) => (
            <TextField
              key={partner.id}
              name={targetField(partner.id)}
              label={t('indicators.form.partnerTarget', { partner: partner.name })}
              state={state}
              width="medium"
              inputMode="decimal"
            />
          ))}
        </fieldset>
        <TextField name="targetDate" type="date" label={t('indicators.fields.targetDate')} state={state} width="medium" />
        <Checkbox name="public" label={t('indicators.form.public')} state={state} />
        <SubmitButton>{t('indicators.form.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
