/** Resolving the session of each request: lookups arriving together share one query, yet nothing outlives a request. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BatchedLookup } from '../../../core/db/batched-lookup.js';
import { hashToken } from '../../../core/tokens.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { closeSession, findSessions, openSession, resolveSession, sessionFinder } from './sessions.js';

const fixture = useDatabaseWorld();

/** The end of the event loop's turn, where a gathered lookup leaves (core/db/batched-lookup.ts). */
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

function signIn(userId: number): Promise<string> {
  return fixture.db.transaction().execute(async (trx) => (await openSession(trx, userId)).token);
}

describe('resolving sessions', () => {
  it('gives each of many sessions looked up at once its own person and roles, and nobody to an unknown token', async () => {
    const { editorA, editorB, coordinator } = fixture.world.users;
    const people = [editorA, editorB, coordinator, editorA];
    const tokens = await Promise.all(people.map((person) => signIn(person.id)));
    const sessions = sessionFinder(fixture.db);
    const resolved = await Promise.all([...tokens, 'no-such-token'].map((token) => resolveSession(fixture.db, sessions, token)));
    expect(resolved.map((session) => session?.actor.userId ?? null)).toEqual([...people.map((person) => person.id), null]);
    expect(resolved.slice(0, 4).map((session) => session?.actor.memberships)).toEqual(people.map((person) => person.actor.memberships));
  });

  it('does not find a session signed out after its request arrived, but before its lookup was sent', async () => {
    const { editorA, editorB } = fixture.world.users;
    const [first, alsoFirst, second] = await Promise.all([signIn(editorA.id), signIn(editorA.id), signIn(editorB.id)]);
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const batches: string[][] = [];
    const sessions = new BatchedLookup(async (tokenHashes: string[]) => {
      batches.push(tokenHashes);
      if (batches.length <= 2) await gate;
      return findSessions(fixture.db, tokenHashes);
    });
    // Two lookups on their way (each sent at the end of its turn of the event loop): the next request waits.
    const onItsWay = resolveSession(fixture.db, sessions, first);
    await endOfTurn();
    const alsoOnItsWay = resolveSession(fixture.db, sessions, alsoFirst);
    await endOfTurn();
    const waiting = resolveSession(fixture.db, sessions, second);
    await fixture.db.transaction().execute((trx) => closeSession(trx, hashToken(second)));
    openGate();
    expect((await onItsWay)?.actor.userId).toBe(editorA.id);
    expect((await alsoOnItsWay)?.actor.userId).toBe(editorA.id);
    expect(await waiting).toBeNull();
    expect(batches).toEqual([[hashToken(first)], [hashToken(alsoFirst)], [hashToken(second)]]);
  });

  it('sees a sign-out, a lost role and an idle session at the very next lookup', async () => {
    const user = fixture.world.users.stakeholderA;
    const sessions = sessionFinder(fixture.db);
    const [kept, signedOut, idle] = await Promise.all([signIn(user.id), signIn(user.id), signIn(user.id)]);
    expect((await resolveSession(fixture.db, sessions, kept))?.actor.memberships).toHaveLength(1);

    await fixture.db.transaction().execute(async (trx) => {
      await closeSession(trx, hashToken(signedOut));
      await trx.deleteFrom('memberships').where('user_id', '=', user.id).execute();
      await trx
        .updateTable('sessions')
        .set({ last_seen_at: sql<Date>`now() - interval '9 hours'` })
        .where('token_hash', '=', hashToken(idle))
        .execute();
    });
    expect((await resolveSession(fixture.db, sessions, kept))?.actor.memberships).toEqual([]);
    expect(await resolveSession(fixture.db, sessions, signedOut)).toBeNull();
    expect(await resolveSession(fixture.db, sessions, idle)).toBeNull();
  });

  it('notes that a session is still in use at most every 5 minutes', async () => {
    const user = fixture.world.users.plainUser;
    const token = await signIn(user.id);
    const lastSeen = () =>
      fixture.db
        .selectFrom('sessions')
        .select(sql<number>`extract(epoch from now() - last_seen_at)`.as('ago'))
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirstOrThrow();
    const sessions = sessionFinder(fixture.db);
    await fixture.db
      .updateTable('sessions')
      .set({ last_seen_at: sql<Date>`now() - interval '4 minutes'` })
      .where('token_hash', '=', hashToken(token))
      .execute();
    await resolveSession(fixture.db, sessions, token);
    expect(Number((await lastSeen()).ago)).toBeGreaterThan(200);

    await fixture.db
      .updateTable('sessions')
      .set({ last_seen_at: sql<Date>`now() - interval '6 minutes'` })
      .where('token_hash', '=', hashToken(token))
      .execute();
    await Promise.all([resolveSession(fixture.db, sessions, token), resolveSession(fixture.db, sessions, token)]);
    expect(Number((await lastSeen()).ago)).toBeLessThan(60);
  });
});
