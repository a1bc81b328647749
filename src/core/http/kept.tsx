/**
 * Forms never lose work. A form refused before its route ran — a stale or expired token (the session ended in another
 * tab, the page stayed open for hours, the secret changed), or a session that ended before it was sent — is kept for a
 * day: its text fields, and the files it carried as pending uploads. The person sees "Your work is safe", signs in
 * again if needed, and comes back to the page that had the form, filled in as they left it: nothing is saved until
 * they press the form's button again. A refused form's page keeps a copy the same way for its language links, so a
 * language switch shows the same form, with its input and messages, in the new language, and writes nothing.
 *
 * Kept work belongs to one browser (a random cookie) and, once known, to one person; it is kept only for forms sent
 * from this site (Origin or Referer), never for the forms that carry a password, and goes once saved, after a day, or
 * with the person. See docs/forms.md.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formValues, type FieldError, type FormState, type FormValues } from '../validation/forms.js';
import type { KeptView } from '../views/context.js';
import { HttpError } from './errors.js';
import { wantsJson } from './accepts.js';
import { ensureOwnerHash, keptFormsPerBrowser, keptHours, mayShowTo, newKeptId, ownerHashOf, userIdOf } from './kept-owner.js';
import { claimKeptForm, deleteKeptFormsOf, findKeptForm, insertKeptForm, trimKeptFormsOf } from './kept-queries.js';
import type { KeptFile, KeptReason } from './kept-tables.js';
import { KeptWorkPage, KeptFieldsPage } from './KeptWorkPage.js';
import { offerAllUploads, keptUploadField } from './uploads.js';

/** Set for the page a kept form was on: that page, once, is shown with the form filled in. */
export const showCookie = 'better_kept_show';
const keptPath = '/kept-forms/';
/** Forms whose content is never kept: signing in and out, passwords, the language links. */
const neverKept = [/^\/sign-(in|out)\b/, /^\/password/, /^\/language\//, /^\/kept-forms\//, /^\/invitations?\//, /^\/account\/password/];

/** The path and query of a same-site address, or undefined. */
function sameSitePath(request: FastifyRequest, address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    // Compared as URLs, so that a default port written or not ("host:80") is the same site.
    if (url.host !== new URL(`${url.protocol}//${request.headers.host ?? ''}`).host) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

/** The page the form was on (the Referer), when it is a page of this site. */
export function refererPath(request: FastifyRequest): string | undefined {
  return sameSitePath(request, request.headers.referer);
}

/** Whether this request is a form sent from this site whose content may be kept. */
export function keepable(request: FastifyRequest): boolean {
  if (request.method !== 'POST' || wantsJson(request)) return false;
  const path = request.url.split('?')[0] ?? '';
  if (neverKept.some((pattern) => pattern.test(path))) return false;
  const origin = request.headers.origin;
  const fromHere = origin ? sameSitePath(request, `${origin}/`) !== undefined : refererPath(request) !== undefined;
  if (!fromHere) return false;
  const values = formValues(request.body);
  if (Object.keys(values).some((name) => /password/i.test(name))) return false;
  return Object.entries(values).some(([name, value]) => name !== keptUploadField && (Array.isArray(value) ? value.length > 0 : value.trim() !== ''));
}

async function keep(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  reason: KeptReason,
  needsSignIn: boolean,
  state: FormState | null,
  files: KeptFile[],
): Promise<void> {
  const values: FormValues = state?.values ?? formValues(request.body);
  delete values[keptUploadField];
  const ownerHash = ensureOwnerHash(request, reply);
  await insertKeptForm(request.server.db, {
    id,
    ownerHash,
    userId: userIdOf(request),
    reason,
    needsSignIn,
    actionUrl: request.url,
    pageUrl: refererPath(request) ?? null,
    values: JSON.stringify(values),
    errors: JSON.stringify(state?.errors ?? []),
    lostFiles: JSON.stringify(files),
    hours: keptHours,
  });
  // A browser keeps a bounded number of forms: the oldest go first.
  await trimKeptFormsOf(request.server.db, ownerHash, id, keptFormsPerBrowser);
}

function needsSignIn(request: FastifyRequest): boolean {
  return request.actor.kind === 'anonymous' && request.routeOptions.config.public !== true;
}

/**
 * A form refused before its route ran (a stale token, or nobody signed in any more) is kept, and the person is told
 * so: "Your work is safe", with the way back (signing in again first when needed). Undefined when the form cannot be
 * kept (not sent from this site, a password form, nothing typed): the caller answers as before.
 */
export async function keepRefusedForm(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!keepable(request)) return undefined;
  const id = newKeptId();
  const signIn = needsSignIn(request);
  const reason: KeptReason = signIn ? 'signed_out' : 'token';
  const files = offerAllUploads(request);
  await keep(request, reply, id, reason, signIn, null, files);
  request.keptLanguage = { id, stored: true, state: null };
  return reply.page(<KeptWorkPage id={id} reason={reason} signIn={signIn} files={files} />, 403);
}

function parsedFiles(json: string): KeptFile[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as KeptFile[]) : [];
  } catch {
    return [];
  }
}

function keptView(row: { id: string; action_url: string; form_values: string; form_errors: string; lost_files: string }): KeptView & { files: KeptFile[] } {
  const values = JSON.parse(row.form_values) as FormValues;
  const errors = JSON.parse(row.form_errors) as FieldError[];
  const files = parsedFiles(row.lost_files);
  return {
    id: row.id,
    action: row.action_url,
    state: { values, errors },
    lostFiles: files.filter((file) => !file.id).map((file) => file.filename),
    files,
    placed: false,
  };
}

export const keptWorkPlugin = fp(
  async (app) => {
    app.decorateRequest('keptShown', null);
    app.decorateRequest('keptLanguage', null);

    // The page a kept form was on, opened from /kept-forms/:id: the form on it is filled in (core/views/components/forms).
    app.addHook('preHandler', async (request) => {
      const shown = request.cookies[showCookie];
      if (request.method !== 'GET' || !shown || !/^[A-Za-z0-9_-]{43}$/.test(shown)) return;
      const owner = ownerHashOf(request);
      if (!owner) return;
      const row = await findKeptForm(app.db, shown, owner);
      if (!row || row.page_url !== request.url || !mayShowTo(request, row.user_id)) return;
      request.keptShown = keptView(row);
    });

    app.addHook('onSend', async (request, reply) => {
      if (request.keptShown?.placed) reply.clearCookie(showCookie, { path: '/' });
      const language = request.keptLanguage;
      if (language && !language.stored && reply.statusCode >= 400) {
        language.stored = true;
        await keep(request, reply, language.id, 'language', false, language.state, []);
      }
      // Saved at last (the route answered with a redirect): the kept copies of this form go.
      const owner = ownerHashOf(request);
      const location = String(reply.getHeader('location') ?? '');
      if (owner && request.method === 'POST' && reply.statusCode >= 300 && reply.statusCode < 400 && !location.startsWith('/sign-in')) {
        await deleteKeptFormsOf(app.db, owner, request.url);
      }
    });

    app.get<{ Params: { id: string }; Querystring: { show?: unknown } }>(
      `${keptPath}:id(^[A-Za-z0-9_-]{43}$)`,
      { config: { public: true } },
      async (request, reply) => {
        const owner = ownerHashOf(request);
        const row = owner ? await findKeptForm(app.db, request.params.id, owner) : undefined;
        // Another browser's work, or none: nothing to show, and nothing said about whether it exists.
        if (!row || !owner) throw new HttpError('not_found');
        const view = keptView(row);
        const keptFiles = view.files.filter((file) => file.id);
        if (request.actor.kind === 'anonymous' && (row.user_id !== null || row.needs_sign_in)) {
          return reply.page(<KeptWorkPage id={row.id} reason="signed_out" signIn files={keptFiles} />);
        }
        // Another person signed in on this browser: the work is not theirs.
        if (!mayShowTo(request, row.user_id)) throw new HttpError('not_found');
        const userId = userIdOf(request);
        if (row.user_id === null && userId !== null) await claimKeptForm(app.db, row.id, owner, userId);
        if (request.query.show === 'fields' || !row.page_url) return reply.page(<KeptFieldsPage kept={view} />);
        reply.setCookie(showCookie, row.id, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: 15 * 60 });
        return reply.redirect(row.page_url, 303);
      },
    );
  },
  { name: 'better-kept-work', dependencies: ['better-pages', '@fastify/cookie'] },
);
