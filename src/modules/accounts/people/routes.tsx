/** Signing in and out, password reset, invitations and the account page (parse → use case → page or redirect). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { safeLocalPath } from '../../../core/http/redirects.js';
import type { EmailContext } from '../../../core/mail/outbox.js';
import { parseForm, refusalState, stateFrom } from '../../../core/validation/forms.js';
import { changePasswordSchema, forgotPasswordSchema, newPasswordSchema, profileSchema, signInSchema } from './schema.js';
import { demoAccountListing, demoPassword } from '../seed.js';
import { scopeCatalogue } from '../scope-catalogue.js';
import {
  acceptInvitation,
  changeOwnPassword,
  exportOwnData,
  findUsableLink,
  getOwnAccount,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  updateOwnProfile,
  type SignedIn,
} from './service.js';
import { clearSessionCookie, setSessionCookie } from './sessions.js';
import { deviceCookieDays, deviceCookieName, throttleDigest } from './throttle.js';
import { AccountPage } from './views/AccountPage.js';
import { CheckEmailPage, ForgotPasswordPage, LinkExpiredPage } from './views/ForgotPasswordPage.js';
import { NewPasswordPage } from './views/NewPasswordPage.js';
import { SignInPage } from './views/SignInPage.js';
import { tokenPattern } from '../../../core/tokens.js';

/** Reset and invitation tokens are 32 random bytes in base64url. */

/** Where a person lands after signing in when no page asked them to: My work (the workspace module). */
const landingPage = '/me';

export const accountRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const emailContext: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };
  const digest = throttleDigest(app);

  function signInPage(request: FastifyRequest, reply: FastifyReply, next: string, state?: Parameters<typeof SignInPage>[0]['state'], status = 200) {
    const demo = app.config.demo ? { demoAccounts: demoAccountListing(request.t), demoPassword } : {};
    return reply.page(<SignInPage next={next} state={state} {...demo} />, status);
  }

  function startSession(reply: FastifyReply, signedIn: SignedIn): void {
    setSessionCookie(reply, signedIn.token, signedIn.expiresAt, signedIn.locale);
    trustBrowser(reply, signedIn.deviceCookie);
  }

  /** Signed with the platform secret, so a browser cannot make one up or move it to another account. */
  function trustBrowser(reply: FastifyReply, deviceCookie: string): void {
    reply.setCookie(deviceCookieName, deviceCookie, {
      path: '/sign-in',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      signed: true,
      maxAge: deviceCookieDays * 24 * 60 * 60,
    });
  }

  function deviceCookieOf(request: FastifyRequest): string | undefined {
    const signed = request.cookies[deviceCookieName];
    if (!signed || signed.length > 200) return undefined;
    const unsigned = request.unsignCookie(signed);
    return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
  }

  app.get<{ Querystring: { next?: string } }>('/sign-in', { config: { public: true } }, async (request, reply) => {
    if (request.actor.kind === 'user') return reply.redirect(safeLocalPath(request.query.next, landingPage), 303);
    return signInPage(request, reply, safeLocalPath(request.query.next, landingPage));
  });

  app.post('/sign-in', { config: { public: true } }, async (request, reply) => {
    const next = safeLocalPath((request.body as Record<string, unknown> | undefined)?.next, landingPage);
    const parsed = parseForm(signInSchema, request.body);
    if (!parsed.ok) return signInPage(request, reply, next, { values: { email: parsed.state.values.email ?? '' }, errors: parsed.state.errors }, 400);
    const outcome = await signIn(db, parsed.data, { client: { address: request.ip, deviceCookie: deviceCookieOf(request) }, digest, requestId: request.id });
    if (!outcome.ok && outcome.reason === 'throttled') {
      const seconds = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000));
      reply.header('retry-after', String(seconds));
      const minutes = Math.ceil(seconds / 60);
      return signInPage(
        request,
        reply,
        next,
        stateFrom({ email: parsed.data.email }, [{ field: 'email', key: 'accounts.signIn.refusals.throttled', values: { count: minutes } }]),
        429,
      );
    }
    if (!outcome.ok)
      return signInPage(
        request,
        reply,
        next,
        stateFrom({ email: parsed.data.email }, [{ field: 'email', key: `accounts.signIn.refusals.${outcome.reason}` }]),
        400,
      );
    startSession(reply, outcome.value);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', { config: { action: 'account.sign_out' } }, async (request, reply) => {
    await signOut(db, request.actor, request.sessionKey);
    clearSessionCookie(reply);
    reply.setFlash({ kind: 'info', key: 'accounts.flash.signedOut' });
    return reply.redirect('/', 303);
  });

  // ---- password reset ----------------------------------------------------------------------------------------------

  app.get('/password-reset', { config: { public: true } }, async (_request, reply) => reply.page(<ForgotPasswordPage />));

  app.post('/password-reset', { config: { public: true } }, async (request, reply) => {
    const parsed = parseForm(forgotPasswordSchema, request.body);
    if (!parsed.ok) return reply.page(<ForgotPasswordPage state={parsed.state} />, 400);
    await requestPasswordReset(db, parsed.data.email, { ...emailContext, digest });
    return reply.page(<CheckEmailPage email={parsed.data.email} />);
  });

  app.get<{ Params: { token: string } }>(`/password-reset/:token${tokenPattern}`, { config: { public: true } }, async (request, reply) => {
    const holder = await findUsableLink(db, request.params.token, 'password_reset');
    if (!holder) return reply.page(<LinkExpiredPage />, 410);
    return reply.page(<NewPasswordPage purpose="reset" action={`/password-reset/${request.params.token}`} email={holder.email} />);
  });

  app.post<{ Params: { token: string } }>(`/password-reset/:token${tokenPattern}`, { config: { public: true } }, async (request, reply) => {
    const action = `/password-reset/${request.params.token}`;
    const parsed = parseForm(newPasswordSchema, request.body);
    if (!parsed.ok) return reply.page(<NewPasswordPage purpose="reset" action={action} state={{ values: {}, errors: parsed.state.errors }} />, 400);
    const outcome = await resetPassword(db, request.params.token, parsed.data.password, digest);
    if (!outcome.ok) return reply.page(<LinkExpiredPage />, 410);
    trustBrowser(reply, outcome.value.deviceCookie);
    reply.setFlash({ kind: 'success', key: 'accounts.flash.passwordReset' });
    return reply.redirect('/sign-in', 303);
  });

  // ---- invitations -------------------------------------------------------------------------------------------------

  app.get<{ Params: { token: string } }>(`/invitations/:token${tokenPattern}`, { config: { public: true } }, async (request, reply) => {
    const holder = await findUsableLink(db, request.params.token, 'invitation');
    if (!holder) return reply.page(<LinkExpiredPage />, 410);
    return reply.page(
      <NewPasswordPage purpose="invitation" action={`/invitations/${request.params.token}`} email={holder.email} displayName={holder.displayName} />,
    );
  });

  app.post<{ Params: { token: string } }>(`/invitations/:token${tokenPattern}`, { config: { public: true } }, async (request, reply) => {
    const action = `/invitations/${request.params.token}`;
    const parsed = parseForm(newPasswordSchema, request.body);
    if (!parsed.ok) {
      const holder = await findUsableLink(db, request.params.token, 'invitation');
      if (!holder) return reply.page(<LinkExpiredPage />, 410);
      return reply.page(
        <NewPasswordPage
          purpose="invitation"
          action={action}
          email={holder.email}
          displayName={holder.displayName}
          state={{ values: {}, errors: parsed.state.errors }}
        />,
        400,
      );
    }
    const outcome = await acceptInvitation(db, request.params.token, parsed.data.password, digest);
    if (!outcome.ok) return reply.page(<LinkExpiredPage />, 410);
    startSession(reply, outcome.value);
    reply.setFlash({ kind: 'success', key: 'accounts.flash.welcome' });
    return reply.redirect('/', 303);
  });

  // ---- the account page --------------------------------------------------------------------------------------------

  async function accountPage(request: FastifyRequest, reply: FastifyReply, state?: Parameters<typeof AccountPage>[0]['state'], status = 200) {
    const account = await getOwnAccount(db, request.actor);
    if (!account) throw new HttpError('forbidden');
    const { names } = await scopeCatalogue(db, request.actor);
    return reply.page(<AccountPage account={account} names={names} state={state} />, status);
  }

  app.get('/account', { config: { action: 'account.read' } }, async (request, reply) => accountPage(request, reply));

  app.post('/account', { config: { action: 'account.update' } }, async (request, reply) => {
    const parsed = parseForm(profileSchema, request.body);
    if (!parsed.ok) return accountPage(request, reply, parsed.state, 400);
    const outcome = await updateOwnProfile(db, request.actor, parsed.data);
    if (!outcome.ok) throw new HttpError('forbidden');
    reply.setFlash({ kind: 'success', key: 'accounts.flash.profileUpdated' });
    return reply.redirect('/account', 303);
  });

  app.get('/account/password', { config: { action: 'account.update' } }, async (_request, reply) =>
    reply.page(<NewPasswordPage purpose="change" action="/account/password" />),
  );

  app.post('/account/password', { config: { action: 'account.update' } }, async (request, reply) => {
    const parsed = parseForm(changePasswordSchema, request.body);
    if (!parsed.ok) return reply.page(<NewPasswordPage purpose="change" action="/account/password" state={{ values: {}, errors: parsed.state.errors }} />, 400);
    const outcome = await changeOwnPassword(db, request.actor, request.sessionKey, parsed.data);
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') throw new HttpError('forbidden');
      return reply.page(
        <NewPasswordPage purpose="change" action="/account/password" state={{ values: {}, errors: refusalState({}, outcome, 'accounts.refusals').errors }} />,
        400,
      );
    }
    reply.setFlash({ kind: 'success', key: 'accounts.flash.passwordChanged' });
    return reply.redirect('/account', 303);
  });

  app.get('/account/data.json', { config: { action: 'account.export' } }, async (request, reply) => {
    const data = await exportOwnData(db, request.actor);
    if (!data) throw new HttpError('forbidden');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="my-better-data.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
};
