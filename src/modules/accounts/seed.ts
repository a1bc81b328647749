/** Demo accounts, one per role (demo mode only: the sign-in page lists them and the README gives the password). */
import type { Tx } from '../../core/db/database.js';
import type { Translate } from '../../core/i18n/i18n.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { DemoRecords, DemoSeed } from '../../core/module.js';
import { hashPassword } from './people/passwords.js';
import { insertMembership, insertUser } from './queries.js';

export const demoPassword = 'better-demo-password';

interface DemoAccount {
  email: string;
  displayName: string;
  locale: Locale;
  role: 'admin' | 'coordinator' | 'editor' | 'stakeholder';
  /** What the account is for; the description is in the catalogue under accounts.demo.descriptions. */
  key: string;
  partner?: keyof DemoRecords['partners']['partnerIds'];
  organisation?: string;
}

// Fictional people: the names are invented for the demo.
export const demoAccounts: DemoAccount[] = [
  { key: 'admin', email: 'admin@better.example', displayName: 'Ada Admin', locale: 'en', role: 'admin' },
  { key: 'coordinator', email: 'coordinator@better.example', displayName: 'Chiara Coordinator', locale: 'it', role: 'coordinator' },
  { key: 'editorTartu', email: 'editor.tartu@better.example', displayName: 'Eero Editor', locale: 'et', role: 'editor', partner: 'tartu' },
  { key: 'editorGavle', email: 'editor.gavle@better.example', displayName: 'Greta Editor', locale: 'sv', role: 'editor', partner: 'gavle' },
  { key: 'stakeholder', email: 'stakeholder@better.example', displayName: 'Siim Stakeholder', locale: 'en', role: 'stakeholder', organisation: 'unitartu' },
];

export function demoAccountListing(t: Translate): { email: string; role: string; description: string }[] {
  return demoAccounts.map((account) => ({ email: account.email, role: account.role, description: t(`accounts.demo.descriptions.${account.key}`) }));
}

/** Creates the demo accounts; returns their ids by key (e.g. `stakeholder`). */
async function seedDemoAccounts(trx: Tx, programmeId: number, partners: DemoRecords['partners'], passwordHash?: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const hash = passwordHash ?? (await hashPassword(demoPassword));
  for (const account of demoAccounts) {
    const user = await insertUser(trx, {
      email: account.email,
      displayName: account.displayName,
      locale: account.locale,
      isAdmin: account.role === 'admin',
      status: 'active',
      passwordHash: hash,
    });
    ids.set(account.key, user.id);
    if (account.role === 'coordinator')
      await insertMembership(trx, { userId: user.id, programmeId, role: 'coordinator', partnerId: null, organisationId: null });
    if (account.role === 'editor' && account.partner) {
      await insertMembership(trx, { userId: user.id, programmeId, role: 'editor', partnerId: partners.partnerIds[account.partner], organisationId: null });
    }
    if (account.role === 'stakeholder' && account.organisation) {
      await insertMembership(trx, {
        userId: user.id,
        programmeId,
        role: 'stakeholder',
        partnerId: null,
        organisationId: partners.organisationIds[account.organisation] ?? null,
      });
    }
  }
  return ids;
}

declare module '../../core/module.js' {
  interface DemoRecords {
    /** Demo account ids by key (e.g. `stakeholder`). */
    accounts: Map<string, number>;
  }
  interface DemoCounts {
    accounts: number;
  }
}

export const accountsDemoSeed: DemoSeed = {
  after: ['programmes', 'partners'],
  async run(trx, { programme, partners }, { passwordHash }) {
    const accounts = await seedDemoAccounts(trx, programme.id, partners, passwordHash);
    return { records: { accounts }, counts: { accounts: accounts.size } };
  },
};
