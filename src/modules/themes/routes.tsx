/** Administration of the managed list of themes at /admin/themes. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { throwIfNotFoundOrForbidden } from '../../core/http/refusals.js';
import { parseForm, refusalState } from '../../core/validation/forms.js';
import { themeNamesSchema } from './schema.js';
import { createTheme, listThemes, updateTheme, type Theme } from './service.js';
import { ThemeEditPage, ThemesPage } from './views/ThemesPage.js';

const themePath = '/admin/themes/:code(^[a-z0-9-]{1,60}$)';

export const themeRoutes: FastifyPluginAsync = async (app) => {
  async function themeFor(request: FastifyRequest): Promise<Theme> {
    const { code } = request.params as { code: string };
    const theme = (await listThemes(app.db)).find((candidate) => candidate.code === code);
    if (!theme) throw new HttpError('not_found');
    return theme;
  }

  app.get('/admin/themes', { config: { action: 'theme.manage' } }, async (_request, reply) => reply.page(<ThemesPage themes={await listThemes(app.db)} />));

  app.post('/admin/themes', { config: { action: 'theme.manage' } }, async (request, reply) => {
    const parsed = parseForm(themeNamesSchema, request.body);
    if (!parsed.ok) return reply.page(<ThemesPage themes={await listThemes(app.db)} state={parsed.state} />, 400);
    const outcome = await createTheme(app.db, request.actor, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<ThemesPage themes={await listThemes(app.db)} state={refusalState(request.body, outcome, 'themes.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'themes.flash.created', values: { name: parsed.data.nameEn } });
    return reply.redirect('/admin/themes', 303);
  });

  app.get(`${themePath}/edit`, { config: { action: 'theme.manage' } }, async (request, reply) => reply.page(<ThemeEditPage theme={await themeFor(request)} />));

  app.post(themePath, { config: { action: 'theme.manage' } }, async (request, reply) => {
    const theme = await themeFor(request);
    const parsed = parseForm(themeNamesSchema, request.body);
    if (!parsed.ok) return reply.page(<ThemeEditPage theme={theme} state={parsed.state} />, 400);
    const outcome = await updateTheme(app.db, request.actor, theme.code, parsed.data);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    reply.setFlash({ kind: 'success', key: 'themes.flash.updated' });
    return reply.redirect('/admin/themes', 303);
  });
};
