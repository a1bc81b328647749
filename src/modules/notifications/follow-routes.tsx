/** Following and unfollowing a record from its page (POST, then back to the page it was sent from). */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { parseForm } from '../../core/validation/forms.js';
import { followSchema } from './schema.js';
import { follow, unfollow } from './service.js';

export const followRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.post('/follows', { config: { action: 'follow.manage' } }, async (request, reply) => {
    const parsed = parseForm(followSchema, request.body);
    if (!parsed.ok) throw new HttpError('bad_request');
    const outcome = await follow(db, request.actor, parsed.data.type, parsed.data.id);
    if (!outcome.ok) throw new HttpError(outcome.reason);
    reply.setFlash({ kind: 'success', key: 'notifications.follow.started', values: { title: outcome.value.title } });
    return reply.redirect(parsed.data.returnTo, 303);
  });

  app.post('/follows/delete', { config: { action: 'follow.manage' } }, async (request, reply) => {
    const parsed = parseForm(followSchema, request.body);
    if (!parsed.ok) throw new HttpError('bad_request');
    const outcome = await unfollow(db, request.actor, parsed.data.type, parsed.data.id);
    if (!outcome.ok) throw new HttpError(outcome.reason);
    reply.setFlash(
      outcome.value.title === null
        ? { kind: 'success', key: 'notifications.follow.stoppedUnnamed' }
        : { kind: 'success', key: 'notifications.follow.stopped', values: { title: outcome.value.title } },
    );
    return reply.redirect(parsed.data.returnTo, 303);
  });
};
