/**
 * The instruments' open data in the catalogue: each programme's CPSV-AP export (/instruments.ttl|jsonld?programme=ID)
 * and the whole catalogue's CSV and JSON exports (/instruments.csv|json, which have no programme filter).
 */
import { fill } from '../../core/extensions.js';
import { catalogDatasets, type DatasetDescription } from '../catalog/service.js';

export const instrumentDatasets = fill(catalogDatasets, async ({ publicUrl, programmes, text, now }) => {
  const keywords = [text('catalog.keywords.eGovernment'), text('catalog.keywords.interreg')];
  const datasets: DatasetDescription[] = programmes.map((programme) => ({
    key: `instruments-programme-${programme.id}`,
    title: text('catalog.datasets.programmeInstruments.title', { programme: programme.title }),
    description: text('catalog.datasets.programmeInstruments.description', { programme: programme.title }),
    publisher: programme.publisher,
    landingPage: `${publicUrl}/instruments`,
    keywords,
    themes: ['GOVE', 'TECH'],
    nutsCodes: programme.nutsCodes,
    countryCodes: programme.countryCodes,
    temporal: { startsOn: programme.startsOn, endsOn: programme.endsOn },
    modified: now,
    distributions: [
      {
        key: 'jsonld',
        url: `${publicUrl}/instruments.jsonld?programme=${programme.id}`,
        format: 'JSON_LD',
        title: text('catalog.datasets.programmeInstruments.jsonld'),
      },
      { key: 'ttl', url: `${publicUrl}/instruments.ttl?programme=${programme.id}`, format: 'TURTLE', title: text('catalog.datasets.programmeInstruments.ttl') },
    ],
  }));
  const [main] = programmes;
  if (main) {
    datasets.push({
      key: 'instruments',
      title: text('catalog.datasets.instruments.title'),
      description: text('catalog.datasets.instruments.description'),
      publisher: main.publisher,
      landingPage: `${publicUrl}/instruments`,
      keywords,
      themes: ['GOVE', 'TECH'],
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
        { key: 'csv', url: `${publicUrl}/instruments.csv`, format: 'CSV', title: text('catalog.datasets.instruments.csv') },
        { key: 'json', url: `${publicUrl}/instruments.json`, format: 'JSON', title: text('catalog.datasets.instruments.json') },
      ],
    });
  }
  return datasets;
});
