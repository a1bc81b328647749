/** The public portal: the front page, programme pages, the accessibility statement and the privacy notice. */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../core/db/database.js';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import type { Actor } from '../../core/policy/actor.js';
import { upcomingEvents } from '../events/service.js';
import { countStakeholdersByHelix, listPartners } from '../partners/service.js';
import { latestPublishedPractices, libraryCountsPerPartner } from '../practices/service.js';
import { findProgramme, listPhases, listProgrammes, semestersOf, type Programme } from '../programmes/service.js';
import { HomePage, type HomeNews } from './views/HomePage.js';
import type { ProgrammeOverviewData } from './views/ProgrammeOverview.js';
import { ProgrammeListPage } from './views/ProgrammeListPage.js';
import { ProgrammePage } from './views/ProgrammePage.js';
import { StatementPage } from './views/StatementPage.js';

async function overviewOf(db: Db, actor: Actor, programme: Programme): Promise<ProgrammeOverviewData> {
  const [phases, partners, stakeholdersByHelix, practiceCounts] = await Promise.all([
    listPhases(db, programme.id),
    listPartners(db, actor, programme.id),
    countStakeholdersByHelix(db, programme.id),
    libraryCountsPerPartner(db, programme.id),
  ]);
  return { programme, phases, semesters: semestersOf(programme), partners, stakeholdersByHelix, practiceCounts };
}

/** How many upcoming events and newly published practices the front page lists: a glance, not a catalogue. */
const newsItems = 3;

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/', { config: { action: 'programme.read' } }, async (request, reply) => {
    const programmes = await listProgrammes(db);
    const only = programmes.length === 1 ? programmes[0] : undefined;
    const [featured, events, practices] = await Promise.all([
      only ? overviewOf(db, request.actor, only) : null,
      upcomingEvents(db, newsItems, only?.id),
      latestPublishedPractices(db, request.locale, newsItems, only?.id),
    ]);
    const news: HomeNews = { events, practices };
    return reply.page(<HomePage featured={featured} programmes={programmes} news={news} />);
  });

  app.get('/programmes', { config: { action: 'programme.read' } }, async (_request, reply) => {
    return reply.page(<ProgrammeListPage programmes={await listProgrammes(db)} />);
  });

  app.get(`/programmes/:programmeId${idPattern}`, { config: { action: 'programme.read' } }, async (request, reply) => {
    const programme = await findProgramme(db, idParam(request.params, 'programmeId'));
    if (!programme) throw new HttpError('not_found');
    return reply.page(<ProgrammePage {...await overviewOf(db, request.actor, programme)} />);
  });

  app.get('/accessibility', { config: { public: true } }, async (_request, reply) =>
    reply.page(<StatementPage statement="accessibility" sections={['status', 'nonAccessible', 'feedback', 'enforcement', 'preparation']} />),
  );

  app.get('/privacy', { config: { public: true } }, async (_request, reply) =>
    reply.page(<StatementPage statement="privacy" sections={['controller', 'data', 'purposes', 'retention', 'rights', 'cookies']} />),
  );
};
