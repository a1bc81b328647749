/**
 * The person's notifications (list, opening one, marking all read), their settings, and the emailed unsubscribe link
 * (a page that asks, and the one-click POST mail clients send, RFC 8058).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { tokenPattern } from '../../core/tokens.js';
import { parseForm } from '../../core/validation/forms.js';
import { pageNumber } from '../../core/validation/fields.js';
import { settingsSchema } from './schema.js';
import * as service from './service.js';
import { NotificationsPage } from './views/NotificationsPage.js';
import { SettingsPage } from './views/SettingsPage.js';
import { UnknownLinkPage, UnsubscribedPage, UnsubscribePage } from './views/UnsubscribePage.js';

const pageQuery = z.object({ page: pageNumber });
const unsubscribePath = `/notifications/unsubscribe/:token${tokenPattern}`;

/** The kinds an unsubscribe link names (`?kinds=a,b`); anything else means every kind. */
function kindsOf(request: FastifyRequest): string[] {
  const { kinds } = request.query as { kinds?: unknown };
  return typeof kinds === 'string' ? kinds.split(',').filter((kind) => /^[a-z0-9_.-]{1,100}$/i.test(kind)) : [];
}

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/notifications', { config: { action: 'notification.read_own' } }, async (request, reply) => {
    const { page } = pageQuery.parse(request.query);
    const [listed, unread] = await Promise.all([
      service.listNotifications(db, request.actor, page),
      request.actor.kind === 'user' ? service.unreadCount(db, request.actor.userId) : 0,
    ]);
    if (!listed.ok) throw new HttpError(listed.reason);
    const pageCount = Math.max(1, Math.ceil(listed.value.total / service.notificationsPageSize));
    if (page > pageCount) throw new HttpError('not_found');
    return reply.page(<NotificationsPage entries={listed.value.entries} unread={unread} page={page} pageCount={pageCount} />);
  });

  // Opening a notification marks it read and leads to what it is about: a link a person follows, so it works in any
  // browser; marking one's own notification read is harmless if a link checker opens it too.
  app.get(`/notifications/:notificationId${idPattern}`, { config: { action: 'notification.read_own' } }, async (request, reply) => {
    const outcome = await service.openNotification(db, request.actor, idParam(request.params, 'notificationId'));
    if (!outcome.ok) throw new HttpError(outcome.reason);
    return reply.redirect(outcome.value, 303);
  });

  app.post('/notifications/read', { config: { action: 'notification.read_own' } }, async (request, reply) => {
    const outcome = await service.markAllNotificationsRead(db, request.actor);
    if (!outcome.ok) throw new HttpError(outcome.reason);
    reply.setFlash({ kind: 'success', key: 'notifications.list.markedRead' });
    return reply.redirect('/notifications', 303);
  });

  app.get('/notifications/settings', { config: { action: 'notification.settings' } }, async (request, reply) => {
    const groups = await service.notificationSettings(db, request.actor);
    if (!groups.ok) throw new HttpError(groups.reason);
    return reply.page(<SettingsPage groups={groups.value} />);
  });

  app.post('/notifications/settings', { config: { action: 'notification.settings' } }, async (request, reply) => {
    const groups = await service.notificationSettings(db, request.actor);
    if (!groups.ok) throw new HttpError(groups.reason);
    const parsed = parseForm(settingsSchema(groups.value.flatMap((group) => group.kinds.map((kind) => kind.key))), request.body);
    if (!parsed.ok) return reply.page(<SettingsPage groups={groups.value} state={parsed.state} />, 400);
    const outcome = await service.updateNotificationSettings(db, request.actor, new Map(Object.entries(parsed.data)));
    if (!outcome.ok) throw new HttpError(outcome.reason);
    reply.setFlash({ kind: 'success', key: 'notifications.settings.saved' });
    return reply.redirect('/notifications/settings', 303);
  });

  // The unsubscribe link: public, since its token is the credential and the person may not be signed in.
  await app.register(async (unsubscribing) => {
    // RFC 8058 lets a mail client post the one-click request as multipart/form-data; its body says only
    // "List-Unsubscribe=One-Click", so it is read and set aside (the token in the address is what counts).
    unsubscribing.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));

    unsubscribing.get(unsubscribePath, { config: { action: 'notification.unsubscribe' } }, async (request, reply) => {
      const link = await service.findUnsubscribeLink(db, tokenOf(request), kindsOf(request));
      if (!link) return reply.page(<UnknownLinkPage />, 404);
      // Reading the page changes nothing: mail scanners open links, so only the POST below unsubscribes.
      return reply.page(<UnsubscribePage link={link} action={request.url} />);
    });

    // No CSRF token here, deliberately (withoutCsrf): mail clients send this POST themselves when the person chooses
    // "unsubscribe" (RFC 8058 one-click), without any page and so without a token. A forged request would need the
    // 256-bit token in the address, which only the person's mailbox holds, so the token is the protection CSRF
    // tokens give elsewhere; and the worst a forgery could do is turn some emails off.
    unsubscribing.post(unsubscribePath, { config: { action: 'notification.unsubscribe', withoutCsrf: true } }, async (request, reply) => {
      const outcome = await service.unsubscribe(db, tokenOf(request), kindsOf(request));
      if (!outcome.ok) return reply.page(<UnknownLinkPage />, 404);
      return reply.page(<UnsubscribedPage link={outcome.value} />);
    });
  });
};
