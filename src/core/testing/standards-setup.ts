/**
 * Global set-up of `npm run test:standards`: the shared conformance validators (../shared/standards) copied into
 * the ignored .cache/standards and installed there from their own lock file, as the validators' README asks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { fromProjectRoot } from '../paths.js';

export const standardsDirectory = fromProjectRoot('.cache', 'standards');

export default async function prepareStandards(): Promise<void> {
  const source = fromProjectRoot('..', 'shared', 'standards');
  if (!existsSync(source)) {
    throw new Error(`The conformance validators were not found at ${source}; the standards suite needs the shared folder beside the project.`);
  }
  await cp(source, standardsDirectory, { recursive: true, filter: (path) => !path.includes('node_modules') });
  if (!existsSync(fromProjectRoot('.cache', 'standards', 'node_modules'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: standardsDirectory, stdio: 'inherit' });
  }
}
