/** The results' open data in the catalogue: each programme's indicators as CSV and JSON (/results/indicators.*?programme=ID). */
import { fill } from '../../core/extensions.js';
import { catalogDatasets } from '../catalog/service.js';

export const resultDatasets = fill(catalogDatasets, async ({ publicUrl, programmes, text, now }) =>
  programmes.map((programme) => ({
    key: `result-indicators-programme-${programme.id}`,
    title: text('catalog.datasets.resultIndicators.title', { programme: programme.title }),
    description: text('catalog.datasets.resultIndicators.description', { programme: programme.title }),
    publisher: programme.publisher,
    landingPage: `${publicUrl}/results`,
    keywords: [text('catalog.keywords.indicators'), text('catalog.keywords.interreg')],
    themes: ['GOVE', 'REGI', 'ECON'],
    nutsCodes: programme.nutsCodes,
    countryCodes: programme.countryCodes,
    temporal: { startsOn: programme.startsOn, endsOn: programme.endsOn },
    modified: now,
    distributions: [
      { key: 'csv', url: `${publicUrl}/results/indicators.csv?programme=${programme.id}`, format: 'CSV', title: text('catalog.datasets.resultIndicators.csv') },
      {
        key: 'json',
        url: `${publicUrl}/results/indicators.json?programme=${programme.id}`,
        format: 'JSON',
        title: text('catalog.datasets.resultIndicators.json'),
      },
    ],
  })),
);
