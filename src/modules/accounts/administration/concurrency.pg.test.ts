/** Simultaneous administrators, settled by a unique index on PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { systemActor } from '../../../core/policy/actor.js';
import { inviteUser } from './service.js';
import { useTestDatabase } from '../../../core/testing/world.js';

const database = useTestDatabase();

describe('racing requests', () => {
  it('creates one account when two administrators invite the same address at the same moment', async () => {
    const context = { translator: await getTranslator(), publicUrl: 'http://better.test' };
    const input = {
      email: 'same.person@example.org',
      displayName: 'Same Person',
      locale: 'en' as const,
      role: 'admin' as const,
      programmeId: null,
      partnerId: null,
      organisationId: null,
    };
    const outcomes = await Promise.all([inviteUser(database.db, systemActor('a'), input, context), inviteUser(database.db, systemActor('b'), input, context)]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'created' : outcome.reason)).sort()).toEqual(['created', 'email_taken']);
    const rows = await database.db.selectFrom('users').select('id').where('email', '=', 'same.person@example.org').execute();
    expect(rows).toHaveLength(1);
  });
});
