/** The list of themes as administrators keep it: adding, renaming and retiring a theme, and every refusal leaving the list as it was. */
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../core/audit/queries.js';
import { anonymous, type Actor } from '../../core/policy/actor.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { themeNamesSchema } from './schema.js';
import { addThemesForImport, createTheme, listThemes, updateTheme } from './service.js';

const fixture = useDatabaseWorld();

/** The theme form as the use cases take it: an English name, the other languages empty unless given. */
const names = (fields: Record<string, string>) => themeNamesSchema.parse({ nameEn: '', nameIt: '', nameEt: '', nameHu: '', nameSv: '', ...fields });
const admin = (): Actor => fixture.world.users.admin.actor;
const themeWithCode = async (code: string) => (await listThemes(fixture.db)).find((theme) => theme.code === code);

async function auditOf(code: string) {
  const filter = { entityType: 'theme', entityId: code, actorUserId: null, action: null, from: null, to: null };
  return (await listAuditEvents(fixture.db, filter, 10, null)).map((event) => ({ action: event.action, before: event.before, after: event.after }));
}

describe('adding a theme', () => {
  it('adds a theme at the end of the list under a code made from its English name, with its name in each language given', async () => {
    const outcome = await createTheme(fixture.db, admin(), names({ nameEn: 'Circular économie of Cities', nameIt: 'Economia circolare delle città' }));
    const inTwoLanguages = { en: 'Circular économie of Cities', it: 'Economia circolare delle città' };
    const expected = { code: 'circular-economie-of-cities', names: inTwoLanguages, retired: false };
    expect(outcome).toEqual({ ok: true, value: expected });
    expect((await listThemes(fixture.db)).at(-1)).toEqual(expected);
    expect(await auditOf('circular-economie-of-cities')).toEqual([{ action: 'theme.create', before: null, after: expected }]);
  });

  it('refuses a name whose code another theme has (case and accents aside), naming the English name field, and adds nothing', async () => {
    await createTheme(fixture.db, admin(), names({ nameEn: 'Water management' }));
    const before = await listThemes(fixture.db);
    expect(await createTheme(fixture.db, admin(), names({ nameEn: 'WATER Mänagement' }))).toEqual({ ok: false, reason: 'code_taken', field: 'nameEn' });
    expect(await listThemes(fixture.db)).toEqual(before);
  });

  it('refuses a name without a letter or digit to make a code from, and adds nothing', async () => {
    const before = await listThemes(fixture.db);
    expect(await createTheme(fixture.db, admin(), names({ nameEn: '!?! —' }))).toEqual({ ok: false, reason: 'invalid_name', field: 'nameEn' });
    expect(await listThemes(fixture.db)).toEqual(before);
  });

  it('refuses everyone but an administrator, and adds nothing', async () => {
    const { coordinator, editorA, stakeholderA, plainUser } = fixture.world.users;
    for (const actor of [anonymous, coordinator.actor, editorA.actor, stakeholderA.actor, plainUser.actor]) {
      const who = actor.kind === 'user' ? actor.email : 'anonymous';
      expect(await createTheme(fixture.db, actor, names({ nameEn: 'Space tourism' })), who).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await themeWithCode('space-tourism')).toBeUndefined();
  });
});

describe('renaming and retiring a theme', () => {
  it('renames a theme in every language and keeps its code, so links and imports keep working', async () => {
    await createTheme(fixture.db, admin(), names({ nameEn: 'Green roofs' }));
    const outcome = await updateTheme(fixture.db, admin(), 'green-roofs', names({ nameEn: 'Green roofs and walls', nameSv: 'Gröna tak och väggar' }));
    const expected = { code: 'green-roofs', names: { en: 'Green roofs and walls', sv: 'Gröna tak och väggar' }, retired: false };
    expect(outcome).toEqual({ ok: true, value: expected });
    expect(await themeWithCode('green-roofs')).toEqual(expected);
    expect((await auditOf('green-roofs'))[0]).toEqual({ action: 'theme.update', before: { names: { en: 'Green roofs' }, retired: false }, after: expected });
  });

  it('retires a theme, keeping it in the list for the records that use it, and brings it back', async () => {
    await createTheme(fixture.db, admin(), names({ nameEn: 'Fax services' }));
    const retired = await updateTheme(fixture.db, admin(), 'fax-services', names({ nameEn: 'Fax services', retired: 'yes' }));
    expect(retired).toMatchObject({ ok: true, value: { retired: true } });
    expect(await themeWithCode('fax-services')).toMatchObject({ retired: true });
    expect(await updateTheme(fixture.db, admin(), 'fax-services', names({ nameEn: 'Fax services' }))).toMatchObject({ ok: true, value: { retired: false } });
    expect(await themeWithCode('fax-services')).toMatchObject({ retired: false });
  });

  it('refuses a theme that does not exist', async () => {
    expect(await updateTheme(fixture.db, admin(), 'no-such-theme', names({ nameEn: 'Anything' }))).toEqual({ ok: false, reason: 'not_found' });
    expect(await themeWithCode('no-such-theme')).toBeUndefined();
  });

  it('refuses everyone but an administrator, and changes nothing', async () => {
    await createTheme(fixture.db, admin(), names({ nameEn: 'Night buses' }));
    const { coordinator, editorA, stakeholderA } = fixture.world.users;
    for (const actor of [anonymous, coordinator.actor, editorA.actor, stakeholderA.actor]) {
      expect(await updateTheme(fixture.db, actor, 'night-buses', names({ nameEn: 'Hijacked', retired: 'yes' }))).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await themeWithCode('night-buses')).toEqual({ code: 'night-buses', names: { en: 'Night buses' }, retired: false });
    expect(await auditOf('night-buses')).toHaveLength(1);
  });
});

describe('themes an import adds', () => {
  const imported = [{ code: 'seaweed-farming', name: 'Seaweed farming' }];

  it('lets a coordinator of the importing programme add them, named in every language as the file names them', async () => {
    const { coordinator } = fixture.world.users;
    const outcome = await fixture.db.transaction().execute((trx) => addThemesForImport(trx, coordinator.actor, fixture.world.programme.id, imported));
    const inEveryLanguage = { en: 'Seaweed farming', it: 'Seaweed farming', et: 'Seaweed farming', hu: 'Seaweed farming', sv: 'Seaweed farming' };
    expect(outcome).toEqual({ ok: true, value: [{ code: 'seaweed-farming', names: inEveryLanguage, retired: false }] });
    expect(await themeWithCode('seaweed-farming')).toEqual({ code: 'seaweed-farming', names: inEveryLanguage, retired: false });
  });

  it('refuses a coordinator of another programme and an editor', async () => {
    const { otherCoordinator, editorA } = fixture.world.users;
    const others = [{ code: 'kelp-forests', name: 'Kelp forests' }];
    for (const actor of [otherCoordinator.actor, editorA.actor]) {
      const outcome = await fixture.db.transaction().execute((trx) => addThemesForImport(trx, actor, fixture.world.programme.id, others));
      expect(outcome).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await themeWithCode('kelp-forests')).toBeUndefined();
  });
});
