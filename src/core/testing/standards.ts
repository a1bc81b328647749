/** Runs one of the shared conformance validators on a file and returns its verdict (see standards-setup.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { standardsDirectory } from './standards-setup.js';

export interface Verdict {
  conforms: boolean;
  /** Everything the validator printed, to show in a failing assertion. */
  report: string;
}

export function validateWith(validator: 'validate-openapi.mjs' | 'validate-ics.mjs' | 'validate-rdf.mjs', file: string, args: string[] = []): Verdict {
  const run = spawnSync(process.execPath, [path.join(standardsDirectory, validator), ...args, file], { encoding: 'utf8' });
  const report = `${run.stdout}${run.stderr}`;
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
  return { conforms: run.status === 0 && lastLine.startsWith('conforms: true'), report };
}
