/** My work, the page a signed-in person lands on after signing in; and the page listing a programme's feeds. */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { listPartners } from '../partners/service.js';
import { findProgramme } from '../programmes/service.js';
import { feedLinks } from './feeds.js';
import { myWork } from './service.js';
import { FeedsPage } from './views/FeedsPage.js';
import { MyWorkPage } from './views/MyWorkPage.js';

export const workspaceRoutes: FastifyPluginAsync = async (app) => {
  app.get('/me', { config: { action: 'workspace.read' } }, async (request, reply) => {
    const { actor } = request;
    // The guard has sent anonymous visitors to sign in; the system actor never makes requests.
    if (actor.kind !== 'user') throw new Error('My work needs a signed-in person');
    const work = await myWork(app.db, actor, request.locale, request.t);
    return reply.page(<MyWorkPage work={work} />);
  });

  app.get(`/programmes/:programmeId${idPattern}/feeds`, { config: { action: 'programme.read' } }, async (request, reply) => {
    const programme = await findProgramme(app.db, idParam(request.params, 'programmeId'));
    if (!programme) throw new HttpError('not_found');
    const partners = await listPartners(app.db, request.actor, programme.id);
    return reply.page(
      <FeedsPage
        programme={programme}
        feeds={feedLinks({ programmeId: programme.id })}
        partners={partners.map((partner) => ({ id: partner.id, name: partner.name, feeds: feedLinks({ partnerId: partner.id }) }))}
      />,
    );
  });
};
