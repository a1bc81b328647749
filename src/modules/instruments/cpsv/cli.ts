/** `better export instruments`: the published catalogue as CPSV-AP, to standard output or a file. */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../../core/db/database.js';
import { findProgrammeBySlug } from '../../programmes/service.js';
import { exportCatalogue, type CpsvFormat } from './service.js';

export interface CliExportOptions {
  format: CpsvFormat;
  publicUrl: string;
  /** A programme's short name; every programme's instruments when absent. */
  programme?: string;
  output?: string;
}

/** Writes the export; returns a message for the person at the terminal when it could not. */
export async function exportInstrumentsFromCli(
  db: Db,
  options: CliExportOptions,
  stdout: Writable = process.stdout,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const programme = options.programme === undefined ? undefined : await findProgrammeBySlug(db, options.programme);
  if (options.programme !== undefined && !programme) return { ok: false, message: `No programme has the short name "${options.programme}".` };
  const chunks = Readable.from(exportCatalogue(db, options.format, { publicUrl: options.publicUrl, ...(programme ? { programmeId: programme.id } : {}) }));
  if (!options.output) {
    await pipeline(chunks, stdout, { end: false });
    return { ok: true };
  }
  // Written beside the target and renamed at the end, so a failed export never leaves a truncated file behind.
  const partial = `${options.output}.partial`;
  try {
    await pipeline(chunks, createWriteStream(partial));
    await rename(partial, options.output);
  } finally {
    await rm(partial, { force: true });
  }
  return { ok: true };
}
