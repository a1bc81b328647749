/** Input schemas of the accounts module: sign-in, password reset, invitations, the account page, user administration. */
import { z } from 'zod';
import { locales } from '../../core/i18n/locales.js';
import { checkbox, choice, cleanText, optionalId, requiredEmail, requiredLine, whenFieldsValid } from '../../core/validation/fields.js';

export const passwordMinLength = 12;
const passwordMaxLength = 128;

/** Passwords are taken as typed: no trimming or normalising, so what the user types is what is checked. */
const rawPassword = (required: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().min(1, { error: required }).max(1000, { error: 'accounts.password.tooLong' }));

export const signInSchema = z.object({
  email: requiredEmail('accounts.signIn.email.required'),
  password: rawPassword('accounts.signIn.password.required'),
});

export const forgotPasswordSchema = z.object({
  email: requiredEmail('accounts.forgot.email.required'),
});

export const newPasswordSchema = z
  .object({
    password: z.preprocess(
      (value) => (typeof value === 'string' ? value : ''),
      z
        .string()
        .min(1, { error: 'accounts.password.required' })
        .min(passwordMinLength, { error: 'accounts.password.tooShort' })
        .max(passwordMaxLength, { error: 'accounts.password.tooLong' }),
    ),
    confirmation: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().min(1, { error: 'accounts.password.confirmationRequired' })),
  })
  .refine((input) => input.password === input.confirmation, {
    error: 'accounts.password.mismatch',
    path: ['confirmation'],
    ...whenFieldsValid('password', 'confirmation'),
  });

export const changePasswordSchema = z
  .object({
    currentPassword: rawPassword('accounts.password.currentRequired'),
  })
  .and(newPasswordSchema);

export const profileSchema = z.object({
  displayName: requiredLine({ max: 120, required: 'accounts.profile.displayName.required' }),
  locale: choice(locales, 'accounts.profile.locale.required'),
});

/** The roles an administrator can give: the platform flag or a membership in one programme. */
export const assignableRoles = ['admin', 'coordinator', 'editor', 'stakeholder'] as const;
export type AssignableRole = (typeof assignableRoles)[number];

/**
 * Where a membership applies: the programme for a coordinator, the partner for an editor, the organisation for a
 * stakeholder. Only the field the role needs is required; the others are ignored.
 */
const scopeFieldOf = { coordinator: 'programmeId', editor: 'partnerId', stakeholder: 'organisationId' } as const;

export const roleAssignmentSchema = z
  .object({
    role: choice(assignableRoles, 'accounts.roles.role.required'),
    programmeId: optionalId('accounts.roles.programmeId.required'),
    partnerId: optionalId('accounts.roles.partnerId.required'),
    organisationId: optionalId('accounts.roles.organisationId.required'),
  })
  .superRefine(
    (input, context) => {
      if (input.role === 'admin') return;
      const field = scopeFieldOf[input.role];
      if (input[field] === null) context.addIssue({ code: 'custom', path: [field], message: `accounts.roles.${field}.required` });
    },
    whenFieldsValid('role', 'programmeId', 'partnerId', 'organisationId'),
  );
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;

export const invitationSchema = z
  .object({
    email: requiredEmail('accounts.invite.email.required'),
    displayName: requiredLine({ max: 120, required: 'accounts.invite.displayName.required' }),
    locale: choice(locales, 'accounts.profile.locale.required'),
  })
  .and(roleAssignmentSchema);
export type InvitationInput = z.output<typeof invitationSchema>;

export const userAdministrationSchema = z.object({
  displayName: requiredLine({ max: 120, required: 'accounts.profile.displayName.required' }),
  locale: choice(locales, 'accounts.profile.locale.required'),
  isAdmin: checkbox(),
});

export const userListQuerySchema = z.object({
  q: z.preprocess((value) => {
    const cleaned = cleanText(value);
    return typeof cleaned === 'string' && cleaned !== '' ? cleaned.slice(0, 100) : null;
  }, z.string().nullable()),
  status: z.preprocess((value) => (['invited', 'active', 'deactivated', 'erased'].includes(String(value)) ? value : null), z.enum(['invited', 'active', 'deactivated', 'erased']).nullable()),
});
