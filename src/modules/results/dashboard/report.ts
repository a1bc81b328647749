/**
 * The semester progress report as a Word document, ready to paste into a programme report: the semester's activities
 * (events held, practices identified, transfers, plan progress, instruments' stages…) gathered through the installed
 * formulas' records dated within the semester, then every indicator's value as at the semester's end with its target
 * and what the semester added, for the programme and per partner. Values awaiting validation have their own column.
 * report-docx.ts writes it as a .docx.
 */
import type { Db } from '../../../core/db/database.js';
import type { TranslationValues } from '../../../core/i18n/i18n.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { Actor } from '../../../core/policy/actor.js';
import { installedFormula, resultsFigures, type FiguresOptions } from '../figures/index.js';
import { localised } from './text.js';

/** The formulas whose records make the report's activities, in the report's order; those not installed are left out. */
// One string: these are formula keys, not message keys, which the catalogue check would read them as one by one.
export const activityFormulas: readonly string[] =
  'events.held practices.identified transfers.implemented plans.endorsed plans.actions_completed plans.policy_instruments_improved instruments.developed instruments.adopted_elsewhere'.split(
    ' ',
  );

/** A semester's activities can be many (every registration is not one): each table lists this many, then says how many more. */
const rowsPerActivity = 300;

export interface ReportSection {
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
  table?: { columns: string[]; rows: string[][] };
}

export interface SemesterReport {
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

interface Words {
  t: (key: string, values?: TranslationValues) => string;
  locale: Locale;
  formatNumber: (value: number) => string;
  formatDate: (value: string) => string;
}

/** The report's content for a semester; undefined when the programme does not exist. */
export async function semesterReport(
  db: Db,
  actor: Actor,
  programmeId: number,
  semesterNumber: number,
  words: Words,
  options: FiguresOptions = {},
): Promise<SemesterReport | undefined> {
  const figures = await resultsFigures(db, actor, programmeId, options);
  const semester = figures?.semesters.find((candidate) => candidate.number === semesterNumber);
  if (!figures || !semester) return undefined;
  const { t, locale, formatNumber, formatDate } = words;
  const partnerName = new Map(figures.partners.map((partner) => [partner.id, partner.name]));
  const value = (amount: number, unit: string) => t(`results.units.${unit}`, { value: formatNumber(amount) });
  const sections: ReportSection[] = [{ heading: t('results.report.activities'), level: 1, paragraphs: [t('results.report.activitiesIntro')] }];

  const context = { db, programmeId, semesters: figures.semesters, partnerIds: figures.partners.map((partner) => partner.id) };
  for (const key of activityFormulas) {
    const formula = installedFormula(key, options);
    if (!formula) continue;
    const records = (await formula.records(context, { partnerId: null, semester: semesterNumber })).filter(
      (record) => record.date >= semester.startsOn && record.date <= semester.endsOn,
    );
    const shown = records.slice(0, rowsPerActivity);
    sections.push({
      heading: t(formula.nameKey),
      level: 2,
      paragraphs: [
        t('results.report.inSemester', { count: records.length }),
        ...(records.length > shown.length ? [t('results.report.more', { count: records.length - shown.length })] : []),
      ],
      ...(shown.length
        ? {
            table: {
              columns: [t('results.records.record'), t('results.dashboard.partner'), t('results.records.date'), t('results.records.adds')],
              rows: shown.map((record) => [record.label, partnerName.get(record.partnerId) ?? '', formatDate(record.date), value(record.value, formula.unit)]),
            },
          }
        : {}),
    });
  }

  sections.push({ heading: t('results.report.indicators'), level: 1, paragraphs: [t('results.report.indicatorsIntro')] });
  const columns = [
    t('results.dashboard.target'),
    t('results.report.valueAtEnd'),
    t('results.report.addedInSemester'),
    t('results.dashboard.awaitingValidation'),
  ];
  const cellsOf = (values: { semester: number; value: number; unvalidated: number | null }[], target: number | null, unit: string) => {
    const now = values.find((point) => point.semester === semesterNumber);
    const before = values.find((point) => point.semester === semesterNumber - 1);
    return [
      target === null ? '–' : value(target, unit),
      value(now?.value ?? 0, unit),
      value((now?.value ?? 0) - (before?.value ?? 0), unit),
      now?.unvalidated === null || now?.unvalidated === undefined ? '–' : value(now.unvalidated, unit),
    ];
  };
  sections.push({
    heading: t('results.report.programmeValues'),
    level: 2,
    paragraphs: figures.indicators.length ? [] : [t('results.dashboard.noIndicators')],
    table: {
      columns: [t('results.report.indicator'), ...columns],
      rows: figures.indicators
        .filter((entry) => entry.indicator.atProgramme)
        .map((entry) => [
          `${entry.indicator.code} – ${localised(entry.indicator.names, locale).text}`,
          ...cellsOf(entry.programme, entry.indicator.programmeTarget, entry.indicator.unit),
        ]),
    },
  });
  for (const entry of figures.indicators.filter((candidate) => candidate.partners.length > 0)) {
    sections.push({
      heading: `${entry.indicator.code} – ${localised(entry.indicator.names, locale).text}`,
      level: 2,
      paragraphs: [],
      table: {
        columns: [t('results.dashboard.partner'), ...columns],
        rows: entry.partners.map((partner) => [partnerName.get(partner.partnerId) ?? '', ...cellsOf(partner.values, partner.target, entry.indicator.unit)]),
      },
    });
  }
  return {
    title: t('results.report.title', { number: semesterNumber, programme: figures.programme.title }),
    subtitle: t('results.report.subtitle', { from: formatDate(semester.startsOn), to: formatDate(semester.endsOn) }),
    sections,
  };
}
