/**
 * The statistics as tables: each chart's data, with translated labels, for the page's accessible tables, the CSV
 * downloads and the SVG charts alike, so the three always show the same figures.
 */
import type { Translate } from '../../../core/i18n/i18n.js';
import type { ParticipationStatistics } from './service.js';
import { eventTypes } from '../tables.js';

export const statisticsTables = ['events-held', 'helix', 'roles', 'regions', 'event-types'] as const;
export type StatisticsTable = (typeof statisticsTables)[number];

export interface Table {
  name: StatisticsTable;
  title: string;
  /** The first column's heading, then one per series. */
  columns: string[];
  rows: { label: string; values: number[] }[];
  stacked: boolean;
}

/** `regionNames`: each partner's region (its NUTS region's name) by partner id, for the table of regions. */
export function tableOf(name: StatisticsTable, statistics: ParticipationStatistics, t: Translate, regionNames: Map<number, string>): Table {
  const people = [t('events.participants.registered'), t('events.participants.attended')];
  const breakdown = (entries: ParticipationStatistics['byHelix'], label: (value: string) => string) =>
    entries.map((entry) => ({ label: label(entry.value), values: [entry.registered, entry.attended] }));
  switch (name) {
    case 'events-held': {
      const semesters = [...new Set(statistics.eventsHeld.map((row) => row.semester))].sort((a, b) => a - b);
      const types = eventTypes.filter((type) => statistics.eventsHeld.some((row) => row.type === type));
      return {
        name,
        title: t('events.statistics.tables.eventsHeld'),
        columns: [t('events.statistics.semester'), ...types.map((type) => t(`events.types.${type}`))],
        rows: semesters.map((semester) => ({
          label: t('events.statistics.semesterLabel', { number: semester }),
          values: types.map((type) => statistics.eventsHeld.find((row) => row.semester === semester && row.type === type)?.count ?? 0),
        })),
        stacked: true,
      };
    }
    case 'helix':
      return {
        name,
        title: t('events.statistics.tables.helix'),
        columns: [t('events.participants.helix'), ...people],
        rows: breakdown(statistics.byHelix, (value) => t(`partners.helix.${value}`)),
        stacked: false,
      };
    case 'roles':
      return {
        name,
        title: t('events.statistics.tables.roles'),
        columns: [t('events.participants.role'), ...people],
        rows: breakdown(statistics.byRole, (value) => t(`events.roles.${value}`)),
        stacked: false,
      };
    case 'regions':
      return {
        name,
        title: t('events.statistics.tables.regions'),
        columns: [t('events.participants.region'), ...people],
        rows: breakdown(statistics.byPartner, (value) => (value === '0' ? t('events.participants.otherRegion') : (regionNames.get(Number(value)) ?? value))),
        stacked: false,
      };
    case 'event-types':
      return {
        name,
        title: t('events.statistics.tables.eventTypes'),
        columns: [t('events.fields.type'), ...people],
        rows: breakdown(statistics.byType, (value) => t(`events.types.${value}`)),
        stacked: false,
      };
  }
}
