/** My work (/me): what waits for a signed-in person and their drafts, filled in by the modules owning the records. */
import type { PlatformModule } from '../../core/module.js';
import { workspaceGrants } from './policy.js';
import { workspaceRoutes } from './routes.js';
import { draftWork, waitingWork } from './service.js';

export const workspaceModule: PlatformModule = {
  name: 'workspace',
  grants: workspaceGrants,
  offers: [waitingWork, draftWork],
  routes: workspaceRoutes,
  navigation: [{ href: '/me', labelKey: 'workspace.nav', action: 'workspace.read' }],
};
