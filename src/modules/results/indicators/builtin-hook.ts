/** How a programme created after installation receives the built-in indicators: results fills `programmes.created`. */
import type { ProgrammeCreated } from '../../programmes/service.js';
import { ensureBuiltinIndicators } from './service.js';

export const builtinForNewProgramme: ProgrammeCreated = async (trx, programme) => {
  await ensureBuiltinIndicators(trx, programme.id);
};
