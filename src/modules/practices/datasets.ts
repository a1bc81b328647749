/** The library's open data in the catalogue: its CSV and JSON exports of every published practice (/practices/export.*). */
import { fill } from '../../core/extensions.js';
import { catalogDatasets } from '../catalog/service.js';

export const practiceDatasets = fill(catalogDatasets, async ({ publicUrl, programmes, text, now }) => {
  const [main] = programmes;
  if (!main) return [];
  // The exports have no programme filter: one dataset for the whole library, published by the platform's programme.
  return [
    {
      key: 'practices',
      title: text('catalog.datasets.practices.title'),
      description: text('catalog.datasets.practices.description'),
      publisher: main.publisher,
      landingPage: `${publicUrl}/practices`,
      keywords: [text('catalog.keywords.goodPractices'), text('catalog.keywords.interreg'), text('catalog.keywords.regionalInnovation')],
      themes: ['GOVE', 'REGI'],
      nutsCodes: [...new Set(programmes.flatMap((programme) => programme.nutsCodes))].sort(),
      countryCodes: [...new Set(programmes.flatMap((programme) => programme.countryCodes))].sort(),
      temporal: {
        startsOn: programmes.map((programme) => programme.startsOn).sort()[0] ?? main.startsOn,
        endsOn:
          programmes
            .map((programme) => programme.endsOn)
            .sort()
            .at(-1) ?? main.endsOn,
      },
      modified: now,
      distributions: [
        { key: 'csv', url: `${publicUrl}/practices/export.csv`, format: 'CSV', title: text('catalog.datasets.practices.csv') },
        { key: 'json', url: `${publicUrl}/practices/export.json`, format: 'JSON', title: text('catalog.datasets.practices.json') },
      ],
    },
  ];
});
