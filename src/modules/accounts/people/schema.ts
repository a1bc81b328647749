/** Input schemas of signing in, password reset, invitations accepted and the account page. */
import { z } from 'zod';
import { locales } from '../../../core/i18n/locales.js';
import { choice, requiredEmail, requiredLine, whenFieldsValid } from '../../../core/validation/fields.js';

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
