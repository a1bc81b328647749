/**
 * Architecture rules over the route table (what every newcomer's route must declare), and the source rules of
 * architecture.ts shown failing on a fixture tree with one deliberate breach at a time, then passing without it.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, sqlIn, type ArchitectureRule } from './architecture.js';
import { definedActions, isPublicAction } from './policy/policy.js';
import { useTestApp } from './testing/world.js';

describe('the route table', () => {
  const context = useTestApp();

  it('has routes from every module', () => {
    const urls = context.app.routeTable.map((route) => route.url);
    for (const expected of ['/', '/partners', '/sign-in', '/admin/users', '/admin/audit', '/admin/outbox', '/healthz', '/readyz'])
      expect(urls).toContain(expected);
  });

  it('makes every route either public or name a policy action that exists', () => {
    const known = new Set(definedActions());
    const offenders = context.app.routeTable.filter(
      (route) => route.method !== 'HEAD' && !route.config.public && !(route.config.action && known.has(route.config.action)),
    );
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
      // "I lost my link": the person has no account, only the address they registered with.
      '/events/:eventId(^\\d{1,9}$)/registration-link',
      `/registrations/${token}/cancellation`,
      `/registrations/${token}/erasure`,
      `/registrations/${token}/feedback`,
      // A stakeholder invited to a maturity round answers, and erases their name, through the emailed link.
      `/results/maturity/invitations/${token}`,
      `/results/maturity/invitations/${token}/erasure`,
      // An emailed unsubscribe link, followed by its holder or posted by their mail client (RFC 8058).
      `/notifications/unsubscribe/${token}`,
    ]);
    const unsafePublic = context.app.routeTable.filter(
      (route) =>
        route.method === 'POST' && (route.config.public || (route.config.action && isPublicAction(route.config.action))) && !anonymousForms.has(route.url),
    );
    expect(unsafePublic.map((route) => route.url)).toEqual([]);
  });

  it('takes unsafe requests without a CSRF token only where the credential is the secret in the URL', () => {
    const exempt = context.app.routeTable.filter((route) => route.config.withoutCsrf === true).map((route) => `${route.method} ${route.url}`);
    // RFC 8058: a mail client's one-click unsubscribe POST carries no page, so no token; the link's secret is the proof.
    expect(exempt).toEqual(['POST /notifications/unsubscribe/:token(^[A-Za-z0-9_-]{43}$)']);
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

/** A source file of the fixture tree, one string per line. */
const source = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A small tree that keeps every rule: modules with sub-capabilities, core, its test scaffolding, a composition root. */
const cleanTree: Record<string, string> = {
  'src/core/db/database.ts': source("import { sql } from 'kysely';", 'export type Db = { name: string };', 'export const ping = sql`select 1`;'),
  'src/core/testing/factories.ts': source("import { createPartner } from '../../modules/partners/service.js';", 'export const aPartner = createPartner;'),
  'src/modules/partners/tables.ts': source('export interface PartnerRow { id: number }'),
  'src/modules/partners/queries.ts': source("import type { Db } from '../../core/db/database.js';", 'export const listPartners = (db: Db) => db;'),
  'src/modules/partners/service.ts': source(
    "import type { Db } from '../../core/db/database.js';",
    "import { listPartners } from './queries.js';",
    "import type { PartnerRow } from './tables.js';",
    'export type Partner = PartnerRow;',
    'export const createPartner = (db: Db) => listPartners(db);',
  ),
  'src/modules/partners/index.ts': source("export { createPartner } from './service.js';"),
  'src/modules/events/registration/queries.ts': source(
    "import { sql } from 'kysely';",
    "export const count = (db: { selectFrom(table: string): unknown }) => [db.selectFrom('r'), sql`1`];",
  ),
  'src/modules/events/registration/service.ts': source(
    "import { count } from './queries.js';",
    "import { createPartner } from '../../partners/index.js';",
    'export const both = [count, createPartner];',
  ),
  'src/modules/events/hosting/host-queries.ts': source("export const hosts = (db: { deleteFrom(table: string): unknown }) => db.deleteFrom('hosts');"),
  'src/modules/events/hosting/service.ts': source(
    "import { both } from '../registration/service.js';",
    "import { hosts } from './host-queries.js';",
    'export const all = [both, hosts];',
  ),
  'src/modules/events/statistics/queries/totals.ts': source("export const totals = (db: { with(name: string, query: unknown): unknown }) => db.with('t', 1);"),
  'src/modules/events/service.ts': source(
    "import { all } from './hosting/service.js';",
    "import type { Partner } from '../partners/service.js';",
    '// Not SQL: a comment naming sql`select` and .selectFrom(), a string ".insertInto(", and Array#with.',
    "export const notes = ['.insertInto(', [1, 2].with(0, 3), all];",
    'export type Host = Partner;',
  ),
  'src/modules/events/service.test.ts': source(
    "import { aPartner } from '../../core/testing/factories.js';",
    "export const rows = (db: { selectFrom(t: string): unknown }) => [db.selectFrom('x'), aPartner];",
  ),
  'src/seed.ts': source("import { createPartner } from './modules/partners/index.js';", 'export const seeds = [createPartner];'),
  'migrations/0001_start.ts': source("import { sql } from 'kysely';", 'export const up = sql`create table partners ()`;'),
};

/** Each deliberate breach: files replacing or joining the clean tree, and the one violation they must cause. */
const breaches: { rule: ArchitectureRule; file: string; breach: Record<string, string>; detail: string }[] = [
  {
    rule: 'module-boundary',
    file: 'src/modules/events/hosting/service.ts',
    breach: { 'src/modules/events/hosting/service.ts': source("import type { PartnerRow } from '../../partners/tables.js';", 'export type Row = PartnerRow;') },
    detail: 'imports src/modules/partners/tables.ts',
  },
  {
    rule: 'module-boundary',
    file: 'src/modules/partners/sections.ts',
    breach: { 'src/modules/partners/sections.ts': source("import { all } from '../events/hosting/service.js';", 'export const sections = [all];') },
    detail: 'imports src/modules/events/hosting/service.ts',
  },
  {
    rule: 'core-independent-of-modules',
    file: 'src/core/views/navigation.ts',
    breach: { 'src/core/views/navigation.ts': source("import { createPartner } from '../../modules/partners/index.js';", 'export const to = createPartner;') },
    detail: 'imports src/modules/partners/index.ts',
  },
  {
    rule: 'public-entries-only',
    file: 'src/core/testing/factories.ts',
    breach: {
      'src/core/testing/factories.ts': source("import { listPartners } from '../../modules/partners/queries.js';", 'export const aPartner = listPartners;'),
    },
    detail: 'imports src/modules/partners/queries.ts',
  },
  {
    rule: 'public-entries-only',
    file: 'src/seed.ts',
    breach: { 'src/seed.ts': source("import type { PartnerRow } from './modules/partners/tables.js';", 'export type Seed = PartnerRow;') },
    detail: 'imports src/modules/partners/tables.ts',
  },
  {
    rule: 'no-cycle',
    file: 'src/modules/partners/service.ts',
    breach: { 'src/modules/partners/tables.ts': source("import type { Partner } from './service.js';", 'export interface PartnerRow { twin?: Partner }') },
    detail: 'closes the circle src/modules/partners/service.ts → src/modules/partners/tables.ts → src/modules/partners/service.ts',
  },
  {
    rule: 'sql-outside-queries',
    file: 'src/modules/events/hosting/service.ts',
    breach: {
      'src/modules/events/hosting/service.ts': source(
        "import { sql as raw } from 'kysely';",
        "export const late = (db: { updateTable(t: string): unknown }) => [db.updateTable('events'), raw`now()`, raw.ref('id')];",
      ),
    },
    detail: 'writes SQL on line 2 (.updateTable, sql`, sql.ref)',
  },
];

async function violationsOf(files: Record<string, string>) {
  // A fresh folder for every run: dependency-cruiser caches each file's syntax tree by its path.
  const root = await mkdtemp(path.join(tmpdir(), 'better-architecture-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    return await checkArchitecture(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the source rules', () => {
  it('find nothing in a tree that keeps them: public entries, sub-capabilities, query files, test code, migrations', async () => {
    expect(await violationsOf(cleanTree)).toEqual([]);
  });

  it.each(breaches)('report $rule in $file, and only that', async ({ rule, file, breach, detail }) => {
    expect(await violationsOf({ ...cleanTree, ...breach })).toEqual([{ rule, file, detail }]);
  });

  it('count kysely template tags and statement builders as SQL, not comments, strings or arrays', () => {
    const text = source(
      "import { sql } from 'kysely';",
      "// db.selectFrom('x')",
      "const a = ['.deleteFrom('];",
      'const b = sql`select 1`;',
      "const c = db.with('t', (q) => q);",
      'const d = [1].with(0, 2);',
    );
    expect(sqlIn('file.ts', text)).toEqual([
      { line: 4, what: 'sql`' },
      { line: 5, what: '.with' },
    ]);
  });
});
