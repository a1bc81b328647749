/** My work: the page a signed-in person lands on after signing in. */
import type { FastifyPluginAsync } from 'fastify';
import { myWork } from './service.js';
import { MyWorkPage } from './views/MyWorkPage.js';

export const workspaceRoutes: FastifyPluginAsync = async (app) => {
  app.get('/me', { config: { action: 'workspace.read' } }, async (request, reply) => {
    const { actor } = request;
    // The guard has sent anonymous visitors to sign in; the system actor never makes requests.
    if (actor.kind !== 'user') throw new Error('My work needs a signed-in person');
    const work = await myWork(app.db, actor, request.locale);
    return reply.page(<MyWorkPage work={work} />);
  });
};
