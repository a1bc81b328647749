/** Pieces the results pages share: a value in its unit, a value linked to its records, progress towards a target. */
import type { ComponentChildren } from 'preact';
import { Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { unitFormats, type Unit } from '../../units.js';
import { Form, SelectField } from '../../../../core/views/components/forms.js';
import type { ResultsFigures } from '../../figures/index.js';
import { queryOf, type Filters } from '../filters.js';

/** A value with its unit ("1,250 EUR", "12.5 %", "38 people"), rounded to the decimals the unit allows (a mean may have more). */
export function useValueFormat(): (value: number, unit: Unit) => string {
  const { t, formatNumber } = useView();
  return (value, unit) => {
    const scale = 10 ** unitFormats[unit].decimals;
    return t(`results.units.${unit}`, { value: formatNumber(Math.round(value * scale) / scale) });
  };
}

export function recordsHref(
  target: { indicatorId: number } | { formula: string },
  scope: { programme?: number | undefined; partnerId: number | null; semester: number },
): string {
  const base = 'indicatorId' in target ? `/results/indicators/${target.indicatorId}/records` : `/results/formulas/${target.formula}/records`;
  return `${base}${queryOf(scope)}`;
}

/** A number that links to the records that make it. */
export function FigureLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} class="figure-link">
      {children}
    </a>
  );
}

/**
 * Progress towards a target, told in words and drawn by a native <progress>; the share is the value over the
 * target, capped at the bar's end but written in full. With a label the bar is announced by its name (the headline
 * figure); without one (a table's cell, whose row and column name it) the words beside it say it all and the bar is
 * hidden from assistive technologies, so a table of fifty partners is not read twice.
 */
export function TargetProgress({ value, target, label }: { value: number; target: number | null; label?: string }) {
  const { t, formatNumber } = useView();
  if (target === null || target <= 0) return <span class="muted">{t('results.dashboard.noTarget')}</span>;
  const share = Math.round((value / target) * 100);
  const words = t('results.dashboard.percentOfTarget', { percent: formatNumber(share) });
  return (
    <span class="target-progress">
      <progress max={target} value={Math.max(0, Math.min(value, target))} {...(label ? { 'aria-label': label } : { 'aria-hidden': 'true' })}>
        {words}
      </progress>{' '}
      {words}
    </span>
  );
}

export function AwaitingValidation({ children }: { children: ComponentChildren }) {
  const { t } = useView();
  return (
    <span class="awaiting-validation">
      <Tag tone="warning">{t('results.dashboard.awaitingValidation')}</Tag> {children}
    </span>
  );
}

/** The partner and semester filters as a GET form to `action`, so every view has a stable address and needs no script. */
export function FiltersForm({ action, figures, filters }: { action: string; figures: ResultsFigures; filters: Filters }) {
  const { t, formatDate } = useView();
  return (
    <Form action={action} method="get" class="filters" label={t('results.dashboard.filters')}>
      {filters.programme !== undefined ? <input type="hidden" name="programme" value={String(filters.programme)} /> : null}
      <SelectField
        name="partner"
        label={t('results.dashboard.partner')}
        value={filters.partnerId === null ? '' : String(filters.partnerId)}
        placeholder={t('results.dashboard.wholeProgramme')}
        options={figures.partners.map((candidate) => ({ value: String(candidate.id), label: candidate.name }))}
      />
      <SelectField
        name="semester"
        label={t('results.dashboard.semester')}
        value={String(filters.semester)}
        options={figures.semesters.map((candidate) => ({
          value: String(candidate.number),
          label: t('results.dashboard.semesterEnding', { number: candidate.number, date: formatDate(candidate.endsOn) }),
        }))}
      />
      <button type="submit" class="button button--secondary">
        {t('results.dashboard.show')}
      </button>
    </Form>
  );
}
