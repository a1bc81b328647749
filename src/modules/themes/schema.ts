/** Input schemas of the themes module. */
import { z } from 'zod';
import { checkbox, optionalLine, requiredLine } from '../../core/validation/fields.js';

export const themeNamesSchema = z.object({
  nameEn: requiredLine({ max: 80, required: 'themes.form.nameEn.required' }),
  nameIt: optionalLine({ max: 80 }),
  nameEt: optionalLine({ max: 80 }),
  nameHu: optionalLine({ max: 80 }),
  nameSv: optionalLine({ max: 80 }),
  retired: checkbox(),
});
export type ThemeNamesInput = z.output<typeof themeNamesSchema>;
