/**
 * The events' open data in the catalogue: the iCalendar feed of each programme (/events.ics?programme=ID) and of
 * each partner (?partner=ID), and the participation statistics' CSV tables, which the statistics page shows for the
 * platform's first programme.
 */
import { fill } from '../../core/extensions.js';
import { catalogDatasets, type DatasetDescription } from '../catalog/service.js';
import { statisticsTables } from './statistics/chart-tables.js';

export const eventDatasets = fill(catalogDatasets, async ({ publicUrl, programmes, text, now }) => {
  const datasets: DatasetDescription[] = [];
  const keywords = [text('catalog.keywords.events'), text('catalog.keywords.interreg')];
  for (const programme of programmes) {
    const temporal = { startsOn: programme.startsOn, endsOn: programme.endsOn };
    datasets.push({
      key: `events-programme-${programme.id}`,
      title: text('catalog.datasets.programmeEvents.title', { programme: programme.title }),
      description: text('catalog.datasets.programmeEvents.description', { programme: programme.title }),
      publisher: programme.publisher,
      landingPage: `${publicUrl}/events`,
      keywords,
      themes: ['GOVE', 'REGI'],
      nutsCodes: programme.nutsCodes,
      countryCodes: programme.countryCodes,
      temporal,
      modified: now,
      distributions: [
        { key: 'ics', url: `${publicUrl}/events.ics?programme=${programme.id}`, format: 'ICS', title: text('catalog.datasets.programmeEvents.ics') },
      ],
    });
    for (const partner of programme.partners) {
      datasets.push({
        key: `events-partner-${partner.id}`,
        title: text('catalog.datasets.partnerEvents.title', { partner: partner.name }),
        description: text('catalog.datasets.partnerEvents.description', { partner: partner.name }),
        publisher: partner.publisher,
        landingPage: `${publicUrl}/partners/${partner.id}`,
        keywords,
        themes: ['GOVE', 'REGI'],
        nutsCodes: partner.nutsCode ? [partner.nutsCode] : [],
        countryCodes: partner.countryCode ? [partner.countryCode] : [],
        temporal,
        modified: now,
        distributions: [{ key: 'ics', url: `${publicUrl}/events.ics?partner=${partner.id}`, format: 'ICS', title: text('catalog.datasets.partnerEvents.ics') }],
      });
    }
  }
  const [main] = programmes;
  if (main) {
    datasets.push({
      key: `event-statistics-programme-${main.id}`,
      title: text('catalog.datasets.eventStatistics.title', { programme: main.title }),
      description: text('catalog.datasets.eventStatistics.description', { programme: main.title }),
      publisher: main.publisher,
      landingPage: `${publicUrl}/events/statistics`,
      keywords: [text('catalog.keywords.statistics'), ...keywords],
      themes: ['GOVE', 'SOCI'],
      nutsCodes: main.nutsCodes,
      countryCodes: main.countryCodes,
      temporal: { startsOn: main.startsOn, endsOn: main.endsOn },
      modified: now,
      distributions: statisticsTables.map((table) => ({
        key: table,
        url: `${publicUrl}/events/statistics/${table}.csv`,
        format: 'CSV' as const,
        title: text(`catalog.datasets.eventStatistics.tables.${table}`),
      })),
    });
  }
  return datasets;
});
