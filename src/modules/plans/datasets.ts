/** The plans' open data in the catalogue: the monitoring CSV of the overview, which covers the platform's first programme. */
import { fill } from '../../core/extensions.js';
import { catalogDatasets } from '../catalog/service.js';

export const planDatasets = fill(catalogDatasets, async ({ publicUrl, programmes, text, now }) => {
  const [main] = programmes;
  if (!main) return [];
  return [
    {
      key: `plan-monitoring-programme-${main.id}`,
      title: text('catalog.datasets.planMonitoring.title', { programme: main.title }),
      description: text('catalog.datasets.planMonitoring.description', { programme: main.title }),
      publisher: main.publisher,
      landingPage: `${publicUrl}/plans/overview`,
      keywords: [text('catalog.keywords.actionPlans'), text('catalog.keywords.interreg')],
      themes: ['GOVE', 'REGI'],
      nutsCodes: main.nutsCodes,
      countryCodes: main.countryCodes,
      temporal: { startsOn: main.startsOn, endsOn: main.endsOn },
      modified: now,
      distributions: [{ key: 'csv', url: `${publicUrl}/plans/overview/reports.csv`, format: 'CSV', title: text('catalog.datasets.planMonitoring.csv') }],
    },
  ];
});
