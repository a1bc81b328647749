/** The accounts module: sign-in, sessions, password reset, invitations, the account page and user administration. */
import type { PlatformModule } from '../../core/module.js';
import { accountGrants } from './policy.js';
import { accountsDemoSeed } from './seed.js';
import { userAdministrationRoutes } from './administration/index.js';
import { accountRoutes, sessionIdleMinutes } from './people/index.js';
import { deleteExpiredSessions, deleteStaleThrottles, deleteStaleTokens } from './people/queries.js';

export { sessionCookie, sessionPlugin } from './people/index.js';
export { createUserFromCli, type CliUserInput } from './cli.js';

export const accountsModule: PlatformModule = {
  name: 'accounts',
  grants: accountGrants,
  seed: accountsDemoSeed,
  routes: async (app) => {
    await app.register(accountRoutes);
    await app.register(userAdministrationRoutes);
  },
  navigation: [{ href: '/admin/users', labelKey: 'accounts.nav', action: 'user.read', group: 'admin' }],
  tasks: (app) => [
    {
      name: 'accounts.housekeeping',
      // Ended sessions, long-expired links and old throttle counters are deleted: they are personal data with no further use.
      run: async () => ({
        sessions: Number((await deleteExpiredSessions(app.db, sessionIdleMinutes)).numDeletedRows),
        tokens: Number((await deleteStaleTokens(app.db)).numDeletedRows),
        throttles: Number((await deleteStaleThrottles(app.db)).numDeletedRows),
      }),
    },
  ],
};
