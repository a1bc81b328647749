/** User administration under /admin/users (administrators only; every use case checks the policy again). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import type { EmailContext } from '../../../core/mail/outbox.js';
import { pageNumber } from '../../../core/validation/fields.js';
import { parseForm, refusalState, type FormState } from '../../../core/validation/forms.js';
import { invitationSchema, roleAssignmentSchema, userAdministrationSchema, userListQuerySchema } from './schema.js';
import { scopeCatalogue } from '../scope-catalogue.js';
import { throttleDigest } from '../people/throttle.js';
import {
  addMembership,
  eraseUser,
  getUser,
  inviteUser,
  listUsers,
  removeMembership,
  resendInvitation,
  setUserActive,
  updateUser,
  usersPerPage,
} from './service.js';
import { InviteUserPage } from './views/InviteUserPage.js';
import { UserListPage } from './views/UserListPage.js';
import { UserPage } from './views/UserPage.js';
import { MembershipDescription } from '../views/MembershipDescription.js';

const userPath = `/admin/users/:userId${idPattern}`;

export const userAdministrationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const emailContext: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };

  async function userFor(request: FastifyRequest) {
    const user = await getUser(db, request.actor, idParam(request.params, 'userId'));
    if (!user) throw new HttpError('not_found');
    return user;
  }

  async function userPage(request: FastifyRequest, reply: FastifyReply, states: { detailsState?: FormState; roleState?: FormState } = {}, status = 200) {
    const user = await userFor(request);
    const { names, options } = await scopeCatalogue(db, request.actor);
    const isSelf = request.actor.kind === 'user' && request.actor.userId === user.id;
    return reply.page(<UserPage user={user} names={names} options={options} isSelf={isSelf} {...states} />, status);
  }

  app.get('/admin/users', { config: { action: 'user.read' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const filter = userListQuerySchema.parse(query);
    const page = pageNumber.parse(query.page);
    const result = await listUsers(db, request.actor, { query: filter.q, status: filter.status }, page);
    if (!result) throw new HttpError('forbidden');
    const pageCount = Math.max(1, Math.ceil(result.total / usersPerPage));
    return reply.page(<UserListPage users={result.users} total={result.total} page={page} pageCount={pageCount} query={filter.q} status={filter.status} />);
  });

  app.get('/admin/users/new', { config: { action: 'user.invite' } }, async (request, reply) => {
    const { options } = await scopeCatalogue(db, request.actor);
    return reply.page(<InviteUserPage options={options} />);
  });

  app.post('/admin/users', { config: { action: 'user.invite' } }, async (request, reply) => {
    const parsed = parseForm(invitationSchema, request.body);
    const invitePage = async (state: FormState) =>
      reply.page(<InviteUserPage options={(await scopeCatalogue(db, request.actor)).options} state={state} />, 400);
    if (!parsed.ok) return invitePage(parsed.state);
    const outcome = await inviteUser(db, request.actor, parsed.data, emailContext);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return invitePage(refusalState(request.body, outcome, 'accounts.refusals'));
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.invited', values: { email: parsed.data.email } });
    return reply.redirect(`/admin/users/${outcome.value.userId}`, 303);
  });

  app.get(userPath, { config: { action: 'user.read' } }, async (request, reply) => userPage(request, reply));

  app.post(userPath, { config: { action: 'user.update' } }, async (request, reply) => {
    const user = await userFor(request);
    const parsed = parseForm(userAdministrationSchema, request.body);
    if (!parsed.ok) return userPage(request, reply, { detailsState: parsed.state }, 400);
    const outcome = await updateUser(db, request.actor, user.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return userPage(request, reply, { detailsState: refusalState(request.body, outcome, 'accounts.refusals') }, 400);
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.userUpdated' });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  app.post(`${userPath}/memberships`, { config: { action: 'user.update' } }, async (request, reply) => {
    const user = await userFor(request);
    const parsed = parseForm(roleAssignmentSchema, request.body);
    if (!parsed.ok) return userPage(request, reply, { roleState: parsed.state }, 400);
    const outcome = await addMembership(db, request.actor, user.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return userPage(request, reply, { roleState: refusalState(request.body, outcome, 'accounts.refusals') }, 400);
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.roleAdded' });
    return reply.redirect(`/admin/users/${user.id}#roles`, 303);
  });

  confirmedAction(
    app,
    `${userPath}/memberships/:membershipId${idPattern}/delete`,
    { action: 'user.update' },
    {
      ask: async (request) => {
        const user = await userFor(request);
        const membership = user.memberships.find((candidate) => candidate.id === idParam(request.params, 'membershipId'));
        if (!membership) throw new HttpError('not_found');
        const { names } = await scopeCatalogue(db, request.actor);
        const t = request.t;
        return {
          title: t('accounts.admin.user.removeRoleTitle', { name: user.displayName }),
          confirmLabel: t('accounts.admin.user.removeRole'),
          cancelHref: `/admin/users/${user.id}#roles`,
          explanation: (
            <p>
              <MembershipDescription membership={membership} names={names} />
            </p>
          ),
        };
      },
      act: async (request, reply) => {
        const user = await userFor(request);
        const outcome = await removeMembership(db, request.actor, user.id, idParam(request.params, 'membershipId'));
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'accounts.flash.roleRemoved' });
        return reply.redirect(`/admin/users/${user.id}#roles`, 303);
      },
    },
  );

  app.post(`${userPath}/invitation`, { config: { action: 'user.invite' } }, async (request, reply) => {
    const user = await userFor(request);
    const outcome = await resendInvitation(db, request.actor, user.id, emailContext);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      throw new HttpError('bad_request');
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.invitationResent', values: { email: user.email } });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  /** Deactivation and erasure are confirmed on a page of their own; a refusal is explained on the same page. */
  function statusQuestion(kind: 'deactivate' | 'erase') {
    return async (request: FastifyRequest) => {
      const user = await userFor(request);
      const t = request.t;
      return {
        title: t(`accounts.admin.${kind}.title`, { name: user.displayName }),
        confirmLabel: t(`accounts.admin.${kind}.confirm`),
        cancelHref: `/admin/users/${user.id}`,
        explanation: <p>{t(`accounts.admin.${kind}.explanation`)}</p>,
      };
    };
  }

  confirmedAction(
    app,
    `${userPath}/deactivate`,
    { action: 'user.deactivate' },
    {
      ask: statusQuestion('deactivate'),
      act: async (request, reply) => {
        const user = await userFor(request);
        const outcome = await setUserActive(db, request.actor, user.id, false);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `accounts.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'accounts.flash.deactivated', values: { name: user.displayName } });
        return reply.redirect(`/admin/users/${user.id}`, 303);
      },
    },
  );

  app.post(`${userPath}/reactivate`, { config: { action: 'user.deactivate' } }, async (request, reply) => {
    const user = await userFor(request);
    const outcome = await setUserActive(db, request.actor, user.id, true);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      throw new HttpError('bad_request');
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.reactivated', values: { name: user.displayName } });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  confirmedAction(
    app,
    `${userPath}/erase`,
    { action: 'user.erase' },
    {
      ask: statusQuestion('erase'),
      act: async (request, reply) => {
        const user = await userFor(request);
        const outcome = await eraseUser(db, request.actor, user.id, throttleDigest(app));
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `accounts.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'accounts.flash.erased' });
        return reply.redirect(`/admin/users/${user.id}`, 303);
      },
    },
  );
};
