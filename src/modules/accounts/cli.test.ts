/** `better user create`: the command line validates like the invitation form. */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../core/i18n/i18n.js';
import { aPartner, aProgramme } from '../../core/testing/factories.js';
import { TestBrowser } from '../../core/testing/http.js';
import { createUserFromCli, type CliUserInput } from './cli.js';
import { useTestApp } from '../../core/testing/world.js';

const context = useTestApp();

const base: CliUserInput = {
  email: '',
  displayName: 'CLI Person',
  role: 'admin',
  programmeId: undefined,
  partnerId: undefined,
  organisationId: undefined,
  locale: 'en',
  password: undefined,
};

async function run(input: Partial<CliUserInput>) {
  return createUserFromCli(context.db, { ...base, ...input }, { translator: await getTranslator(), publicUrl: 'http://better.test' });
}

describe('creating a user from the command line', () => {
  it('creates a first administrator with a password read from standard input, who can sign in', async () => {
    const result = await run({ email: 'first.admin@example.org', password: 'a long enough passphrase' });
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/can sign in now/);
    expect((await new TestBrowser(context.app).post('/sign-in', { email: 'first.admin@example.org', password: 'a long enough passphrase' })).statusCode).toBe(
      303,
    );
  });

  it('prints an invitation link when no password is given', async () => {
    const programme = await aProgramme(context.db);
    const partner = await aPartner(context.db, programme.id);
    const result = await run({ email: 'cli.editor@example.org', role: 'editor', partnerId: String(partner.id) });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/http:\/\/better\.test\/invitations\/[A-Za-z0-9_-]{43}/);
  });

  it('explains each problem in words', async () => {
    expect(await run({ email: 'nope', role: 'editor' })).toEqual({
      ok: false,
      message: 'email: Enter an email address in the correct format, like name@example.org\npartnerId: Choose the partner whose records the editor keeps',
    });
    expect((await run({ email: 'short.pw@example.org', password: 'short' })).message).toBe('password: Enter a password of at least 12 characters');
    expect((await run({ email: 'first.admin@example.org' })).message).toBe('email: An account with this email address already exists');
  });
});
