/**
 * The `programmes.programme-created` extension point: what other modules add to a programme when it is created (results gives
 * it the built-in indicators), run in the creating transaction, so a programme never exists without them. Programmes
 * knows nothing of the modules that fill it.
 */
import type { Tx } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';

export type ProgrammeCreated = (trx: Tx, programme: { id: number }) => Promise<void>;

export const programmeCreated = extensionPoint<ProgrammeCreated>('programmes.programme-created');
