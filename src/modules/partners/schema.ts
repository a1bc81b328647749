/** Input schemas of the partners module: partners and their stakeholder organisations. */
import { z } from 'zod';
import { countryCodes, nutsPrefixOf } from '../../core/i18n/countries.js';
import { choice, optionalChoice, optionalEmail, optionalLine, optionalUrl, requiredId, requiredLine, whenFieldsValid } from '../../core/validation/fields.js';

export const partnerRoles = ['lead_partner', 'partner'] as const;
export const helixTypes = ['public_authority', 'business', 'research_education', 'civil_society'] as const;
export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const;

const nutsCode = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase() : ''),
  z
    .string()
    .min(1, { error: 'partners.form.nutsCode.required' })
    .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, { error: 'partners.form.nutsCode.invalid' }),
);

export const partnerSchema = z
  .object({
    name: requiredLine({ max: 200, required: 'partners.form.name.required' }),
    shortName: requiredLine({ max: 60, required: 'partners.form.shortName.required' }),
    countryCode: choice(countryCodes, 'partners.form.countryCode.required'),
    nutsCode,
    nutsName: optionalLine({ max: 120 }).transform((text) => text ?? ''),
    role: choice(partnerRoles, 'partners.form.role.required'),
    website: optionalUrl(),
    contactName: optionalLine({ max: 120 }),
    contactEmail: optionalEmail(),
  })
  .refine((input) => input.nutsCode.startsWith(nutsPrefixOf(input.countryCode)), {
    error: 'partners.form.nutsCode.countryMismatch',
    path: ['nutsCode'],
    ...whenFieldsValid('countryCode', 'nutsCode'),
  });
export type PartnerInput = z.output<typeof partnerSchema>;

const inRegion = z.preprocess(
  (value) => (value === 'yes' ? true : value === 'no' ? false : undefined),
  z.boolean({ error: 'partners.organisations.form.inRegion.required' }),
);

export const organisationSchema = z
  .object({
    name: requiredLine({ max: 200, required: 'partners.organisations.form.name.required' }),
    countryCode: choice(countryCodes, 'partners.organisations.form.countryCode.required'),
    helix: choice(helixTypes, 'partners.organisations.form.helix.required'),
    sizeClass: optionalChoice(sizeClasses, 'partners.organisations.form.sizeClass.required'),
    website: optionalUrl(),
    inRegion,
  })
  .refine((input) => input.helix !== 'business' || input.sizeClass !== null, {
    error: 'partners.organisations.form.sizeClass.required',
    path: ['sizeClass'],
    ...whenFieldsValid('helix', 'sizeClass'),
  })
  // Size classes describe businesses only; a value left over from switching the helix type is dropped.
  .transform((input) => ({ ...input, sizeClass: input.helix === 'business' ? input.sizeClass : null }));
export type OrganisationInput = z.output<typeof organisationSchema>;

export const organisationLinkSchema = z.object({
  organisationId: requiredId('partners.organisations.link.organisationId.required'),
  inRegion,
});
export type OrganisationLinkInput = z.output<typeof organisationLinkSchema>;
