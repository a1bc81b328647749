/** The audit log viewer for administrators (recording is core: src/core/audit). */
import type { PlatformModule } from '../../core/module.js';
import { auditGrants } from './policy.js';
import { auditRoutes } from './routes.js';

export const auditModule: PlatformModule = {
  name: 'audit',
  grants: auditGrants,
  routes: auditRoutes,
  navigation: [{ href: '/admin/audit', labelKey: 'audit.nav', action: 'audit.read', group: 'admin' }],
};
