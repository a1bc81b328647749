/** `better user create`: the same validation and use case as the invitation form, run by the command line. */
import type { Db } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { EmailContext } from '../../core/mail/outbox.js';
import { systemActor } from '../../core/policy/actor.js';
import { fieldErrors } from '../../core/validation/forms.js';
import { invitationSchema } from './administration/schema.js';
import { hashPassword } from './people/passwords.js';
import { newPasswordSchema } from './people/schema.js';
import { inviteUser } from './service.js';

export interface CliUserInput {
  email: string;
  displayName: string;
  role: string;
  programmeId: string | undefined;
  partnerId: string | undefined;
  organisationId: string | undefined;
  locale: Locale;
  password: string | undefined;
}

export async function createUserFromCli(db: Db, input: CliUserInput, context: EmailContext): Promise<{ ok: boolean; message: string }> {
  const t = context.translator.translate('en');
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      message: fieldErrors(parsed.error)
        .map((error) => `${error.field}: ${t(error.key, error.values)}`)
        .join('\n'),
    };
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    const password = newPasswordSchema.safeParse({ password: input.password, confirmation: input.password });
    if (!password.success)
      return {
        ok: false,
        message: fieldErrors(password.error)
          .map((error) => `password: ${t(error.key, error.values)}`)
          .join('\n'),
      };
    passwordHash = await hashPassword(password.data.password);
  }
  const outcome = await inviteUser(db, systemActor('command line'), parsed.data, context, passwordHash ? { passwordHash } : {});
  if (!outcome.ok) return { ok: false, message: `${outcome.field ?? 'user'}: ${t(`accounts.refusals.${outcome.reason}`)}` };
  const { userId, invitationLink } = outcome.value;
  return {
    ok: true,
    message: invitationLink
      ? `Created user ${userId}. Invitation link (valid 7 days, also queued by email):\n${invitationLink}`
      : `Created user ${userId}; they can sign in now.`,
  };
}
