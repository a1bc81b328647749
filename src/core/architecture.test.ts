/** Architecture rules over the route table: what every newcomer's route must declare. */
import { describe, expect, it } from 'vitest';
import { definedActions, isPublicAction } from './policy/policy.js';
import { useTestApp } from './testing/world.js';

const context = useTestApp();

describe('the route table', () => {
  it('has routes from every module', () => {
    const urls = context.app.routeTable.map((route) => route.url);
    for (const expected of ['/', '/partners', '/sign-in', '/admin/users', '/admin/audit', '/admin/outbox', '/healthz', '/readyz']) expect(urls).toContain(expected);
  });

  it('makes every route either public or name a policy action that exists', () => {
    const known = new Set(definedActions());
    const offenders = context.app.routeTable.filter((route) => route.method !== 'HEAD' && !route.config.public && !(route.config.action && known.has(route.config.action)));
    expect(offenders.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it('never lets an unsafe method be public unless it is a form anonymous visitors must use', () => {
    const token = ':token(^[A-Za-z0-9_-]{43}$)';
    const anonymousForms = new Set([
      '/sign-in',
      '/password-reset',
      `/password-reset/${token}`,
      `/invitations/${token}`,
      // Registering for an event, and what the emailed link lets a registered person do, need no account.
      '/events/:eventId(^\\d{1,9}$)/registrations',
      `/registrations/${token}/cancellation`,
      `/registrations/${token}/erasure`,
      `/registrations/${token}/feedback`,
    ]);
    const unsafePublic = context.app.routeTable.filter(
      (route) => route.method === 'POST' && (route.config.public || (route.config.action && isPublicAction(route.config.action))) && !anonymousForms.has(route.url),
    );
    expect(unsafePublic.map((route) => route.url)).toEqual([]);
  });

  it('gives every path parameter a pattern, so a malformed id is a 404 before any handler runs', () => {
    const untyped = context.app.routeTable.filter((route) => /:[A-Za-z]+(?!\w*\()/.test(route.url) && /:[A-Za-z]+(\/|$)/.test(route.url));
    expect(untyped.map((route) => route.url)).toEqual([]);
  });

  it('uses lowercase kebab-case paths', () => {
    const offenders = context.app.routeTable.filter((route) => {
      const literalPath = route.url.replace(/:[A-Za-z]+(\([^)]*\))?/g, '').replace(/\*$/, '');
      return !/^[a-z0-9/.-]*$/.test(literalPath);
    });
    expect(offenders.map((route) => route.url)).toEqual([]);
  });
});
