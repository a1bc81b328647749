/** The module manifest: what makes a set of manifests installable, and the order the demo seeds run in. */
import { describe, expect, it } from 'vitest';
import { modules } from '../modules/index.js';
import { extensionPoint, fill } from './extensions.js';
import { contributionsTo, installedModules, installModules, manifestProblems, seedOrder, type PlatformModule } from './module.js';

const noRoutes = () => Promise.resolve();
const seeding = (name: string, after: string[] = []): PlatformModule => ({ name, routes: noRoutes, seed: { after, run: () => Promise.resolve({}) } });

describe('manifestProblems', () => {
  it('accepts the platform’s own modules', () => {
    expect(manifestProblems(modules)).toEqual([]);
  });

  it('names every problem at once: a name used twice, a seed waiting for a module without one, a point nobody offers, a single point filled twice', () => {
    const lonely = extensionPoint<string>('nobody.offers');
    const single = extensionPoint<string>('one.source', { single: true });
    const problems = manifestProblems([
      { name: 'a', routes: noRoutes, offers: [single], fills: [fill(lonely, 'x')] },
      { ...seeding('b', ['a']) },
      { name: 'b', routes: noRoutes, fills: [fill(single, 'first')] },
      { name: 'c', routes: noRoutes, fills: [fill(single, 'second')] },
    ]);
    expect(problems).toEqual([
      'Two modules are named b',
      'a fills nobody.offers, which no installed module offers',
      'The demo seed of b runs after a, which has no seed',
      'one.source takes one contribution; b and c fill it',
    ]);
  });
});

describe('seedOrder', () => {
  it('runs each seed after those it names, otherwise in the platform’s order', () => {
    const order = seedOrder([
      seeding('plans', ['partners', 'events']),
      seeding('events', ['partners']),
      { name: 'portal', routes: noRoutes },
      seeding('partners'),
    ]);
    expect(order.map((module) => module.name)).toEqual(['partners', 'events', 'plans']);
  });

  it('refuses seeds that wait for each other', () => {
    expect(() => seedOrder([seeding('a', ['b']), seeding('b', ['a'])])).toThrow('The demo seeds of a, b wait for each other');
  });

  it('orders the platform’s seeds with the programme first and every dependency before its user', () => {
    const order = seedOrder(modules).map((module) => module.name);
    expect(order[0]).toBe('programmes');
    for (const module of modules) {
      for (const dependency of module.seed?.after ?? []) expect(order.indexOf(dependency)).toBeLessThan(order.indexOf(module.name));
    }
  });
});

describe('the installed platform', () => {
  it('is the platform’s module list, and installing it again changes nothing while another list is refused', () => {
    expect(installedModules()).toBe(modules);
    expect(() => installModules(modules)).not.toThrow();
    expect(() => installModules([...modules])).toThrow('installed already');
  });

  it('gives each extension point what the modules fill it with, in module order', () => {
    const offered = modules.flatMap((module) => module.offers ?? []);
    expect(offered.map((point) => point.id).sort()).toEqual([
      'catalog.datasets',
      'notifications.follow-targets',
      'notifications.kinds',
      'partners.page-sections',
      'plans.action-deliverables',
      'practices.transfer-events',
      'programmes.programme-created',
      'results.formulas',
      'search.kinds',
      'workspace.drafts',
      'workspace.feeds',
      'workspace.waiting',
    ]);
    for (const point of offered) expect(contributionsTo(point).length).toBeGreaterThanOrEqual(1);
  });
});
