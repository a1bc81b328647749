/**
 * The platform search follows every write at once, whoever makes it (the triggers of migration 20261209_1000): a
 * renamed event, an agenda item, a deleted instrument, an endorsed plan and an action taken out of a draft; and what
 * each reader may find follows the writes to every table its visibility reads (the table versions of migration
 * 20261211_0900), though the words found stay the same: a practice published, an instrument unpublished, an indicator
 * disabled, a draft plan moved to another programme, then endorsed.
 */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../core/i18n/i18n.js';
import { unmarked } from '../../core/search/highlight.js';
import { anonymous, systemActor, type Actor } from '../../core/policy/actor.js';
import { valueOf } from '../../core/testing/factories.js';
import { aPlanActionForm, aPlanContextForm, aPractice, anEndorsedPlan, anEvent, anInstrumentInput } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';
import { createInstrument } from '../instruments/service.js';
import { removeAction } from '../plans/service.js';
import { anIndicator } from '../results/test-support.js';
import { searchPlatform } from './service.js';

const fixture = useWorld();

async function titlesFound(q: string, actor: Actor = anonymous): Promise<Record<string, string[]>> {
  const t = (await getTranslator()).translate('en');
  const search = await searchPlatform(fixture.context.db, actor, { q, kind: [], page: 1 }, { locale: 'en', t });
  return Object.fromEntries(search.groups.filter((group) => group.total > 0).map((group) => [group.kind, group.items.map((item) => unmarked(item.title))]));
}

describe('the search kept in step with the records', () => {
  it('finds an event by its new title, not its old one, and by an agenda item written straight into the database', async () => {
    const { db } = fixture.context;
    const id = await anEvent(db, fixture.world.partnerA.id, { title: 'Wombat workshop' });
    await db.updateTable('events').set({ title: 'Platypus workshop' }).where('id', '=', id).execute();
    expect(await titlesFound('wombat')).toEqual({});
    expect(await titlesFound('platypus')).toEqual({ event: ['Platypus workshop'] });
    await db.insertInto('event_agenda_items').values({ event_id: id, position: 1, time_label: null, title: 'Echidna pitches' }).execute();
    expect(await titlesFound('echidna')).toEqual({ event: ['Platypus workshop'] });
  });

  it('forgets a deleted instrument', async () => {
    const { db } = fixture.context;
    const { id } = valueOf(await createInstrument(db, systemActor('test'), anInstrumentInput(fixture.world.partnerA.id, 'Numbat notices online')));
    expect(await titlesFound('numbat')).toEqual({ instrument: ['Numbat notices online'] });
    await db.deleteFrom('instruments').where('id', '=', id).execute();
    expect(await titlesFound('numbat')).toEqual({});
  });

  it('shows the public an endorsed plan once, the staff an action of the revision, until it is taken out of it', async () => {
    const { planId } = await anEndorsedPlan(fixture);
    const endorsed = await titlesFound('service design training');
    expect(endorsed.action).toEqual(['Service design training']);
    expect(endorsed.plan).toEqual([expect.stringContaining('Regional Action Plan of')]);

    // A revision starts as a copy of the endorsed version: still one plan and one action, for the staff as for the public.
    const editor = await fixture.browserFor('editorB');
    await editor.post(`/plans/${planId}/revision`, {});
    await editor.post(`/plans/${planId}/actions`, aPlanActionForm({ title: 'Koala kiosk pilot' }));
    const staffActor = fixture.world.users.coordinator.actor;
    expect((await titlesFound('service design training', staffActor)).action).toEqual(['Service design training']);
    expect(await titlesFound('koala kiosk')).toEqual({});
    expect((await titlesFound('koala kiosk', staffActor)).action).toEqual(['Koala kiosk pilot']);

    const revision = await fixture.context.db
      .selectFrom('plan_versions')
      .select('content')
      .where('plan_id', '=', planId)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const koala = revision.content.actions.find((action) => action.title === 'Koala kiosk pilot');
    valueOf(await removeAction(fixture.context.db, fixture.world.users.editorB.actor, planId, koala?.key ?? ''));
    expect(await titlesFound('koala kiosk', staffActor)).toEqual({});
  });

  it('hides at once an instrument unpublished and an indicator disabled, found by the same words', async () => {
    const { db } = fixture.context;
    const { id } = valueOf(await createInstrument(db, systemActor('test'), anInstrumentInput(fixture.world.partnerA.id, 'Bilby bookings online')));
    const indicator = await anIndicator(db, fixture.world.programme.id, { names: JSON.stringify({ en: 'Bilby sightings' }), public: true });
    expect(await titlesFound('bilby')).toEqual({ instrument: ['Bilby bookings online'], indicator: [expect.stringContaining('Bilby sightings')] });
    await db.updateTable('instruments').set({ published: false }).where('id', '=', id).execute();
    expect(Object.keys(await titlesFound('bilby'))).toEqual(['indicator']);
    await db.updateTable('indicators').set({ enabled: false }).where('id', '=', indicator).execute();
    expect(await titlesFound('bilby')).toEqual({});
    await db.updateTable('instruments').set({ published: true }).where('id', '=', id).execute();
    expect(await titlesFound('bilby')).toEqual({ instrument: ['Bilby bookings online'] });
  });

  it('finds a practice once it is published, and not once it is withdrawn to a draft', async () => {
    const { db } = fixture.context;
    const id = await aPractice(db, fixture.world.partnerA.id, 'Quoll census online');
    expect(await titlesFound('quoll')).toEqual({});
    await db.updateTable('practices').set({ status: 'published', published_at: new Date() }).where('id', '=', id).execute();
    expect(await titlesFound('quoll')).toEqual({ practice: ['Quoll census online'] });
    await db.updateTable('practices').set({ status: 'draft' }).where('id', '=', id).execute();
    expect(await titlesFound('quoll')).toEqual({});
  });

  it('shows a draft plan to the staff of the programme it is moved to, and to everyone once endorsed', async () => {
    const { db } = fixture.context;
    const { users, partnerA, programme, otherProgramme } = fixture.world;
    // Partner A's: partner B's plan is the endorsed one above.
    const editor = await fixture.browserFor('editorA');
    const created = await editor.post('/plans', { partnerId: String(partnerA.id) });
    const planId = Number(String(created.headers.location).split('/').pop());
    await editor.post(`/plans/${planId}/context`, aPlanContextForm());
    await editor.post(`/plans/${planId}/actions`, aPlanActionForm({ title: 'Dingo data desk' }));
    expect((await titlesFound('dingo', users.coordinator.actor)).action).toEqual(['Dingo data desk']);
    expect(await titlesFound('dingo', users.otherCoordinator.actor)).toEqual({});

    await db.updateTable('plans').set({ programme_id: otherProgramme.id }).where('id', '=', planId).execute();
    expect(await titlesFound('dingo', users.coordinator.actor)).toEqual({});
    expect((await titlesFound('dingo', users.otherCoordinator.actor)).action).toEqual(['Dingo data desk']);
    await db.updateTable('plans').set({ programme_id: programme.id }).where('id', '=', planId).execute();

    expect(await titlesFound('dingo')).toEqual({});
    await editor.post(`/plans/${planId}/submission`, {});
    await (await fixture.browserFor('coordinator')).post(`/plans/${planId}/review`, { decision: 'approve', comment: '' });
    await editor.post(`/plans/${planId}/endorsement`, { endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' });
    expect((await titlesFound('dingo')).action).toEqual(['Dingo data desk']);
  });
});
