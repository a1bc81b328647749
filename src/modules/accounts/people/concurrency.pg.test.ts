/** Double submits of a one-time link, settled by a lock on PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { aUser } from '../../../core/testing/factories.js';
import { hashToken, newToken } from '../../../core/tokens.js';
import { insertUserToken } from './queries.js';
import { resetPassword } from './service.js';
import { useTestDatabase } from '../../../core/testing/world.js';

const database = useTestDatabase();

describe('racing requests', () => {
  it('uses a password reset link once, even when it is submitted five times at once', async () => {
    const user = await aUser(database.db, { role: 'admin' });
    const token = newToken();
    await database.db
      .transaction()
      .execute((trx) =>
        insertUserToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'password_reset', expiresAt: new Date(Date.now() + 3600_000) }),
      );
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, index) => resetPassword(database.db, token, `new passphrase number ${index}`, (text) => text)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(4);
  });
});
