/** Double submits and simultaneous administrators, settled by locks and unique indexes on PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../core/i18n/i18n.js';
import { systemActor } from '../../core/policy/actor.js';
import { aUser } from '../../core/testing/factories.js';
import { hashToken, newToken } from '../../core/tokens.js';
import { insertUserToken } from './queries.js';
import { inviteUser, resetPassword } from './service.js';
import { useTestDatabase } from '../../core/testing/world.js';

const database = useTestDatabase();

describe('racing requests', () => {
  it('uses a password reset link once, even when it is submitted five times at once', async () => {
    const user = await aUser(database.db, { role: 'admin' });
    const token = newToken();
    await database.db.transaction().execute((trx) => insertUserToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'password_reset', expiresAt: new Date(Date.now() + 3600_000) }));
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, index) => resetPassword(database.db, token, `new passphrase number ${index}`, (text) => text)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(4);
  });

  it('creates one account when two administrators invite the same address at the same moment', async () => {
    const context = { translator: await getTranslator(), publicUrl: 'http://better.test' };
    const input = { email: 'same.person@example.org', displayName: 'Same Person', locale: 'en' as const, role: 'admin' as const, programmeId: null, partnerId: null, organisationId: null };
    const outcomes = await Promise.all([inviteUser(database.db, systemActor('a'), input, context), inviteUser(database.db, systemActor('b'), input, context)]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'created' : outcome.reason)).sort()).toEqual(['created', 'email_taken']);
    const rows = await database.db.selectFrom('users').select('id').where('email', '=', 'same.person@example.org').execute();
    expect(rows).toHaveLength(1);
  });
});
