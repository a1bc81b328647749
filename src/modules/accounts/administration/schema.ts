/** Input schemas of user administration: invitations, roles, an administrator's changes, the user list's filter. */
import { z } from 'zod';
import { locales } from '../../../core/i18n/locales.js';
import { checkbox, choice, cleanText, optionalId, requiredEmail, requiredLine, whenFieldsValid } from '../../../core/validation/fields.js';

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
  status: z.preprocess(
    (value) => (['invited', 'active', 'deactivated', 'erased'].includes(String(value)) ? value : null),
    z.enum(['invited', 'active', 'deactivated', 'erased']).nullable(),
  ),
});
