#!/usr/bin/env node
/**
 * `npm start` (and `npm run bench`) compile the platform only when dist/ is older than what it is compiled from, so a
 * restart does not pay for a no-op `tsc` (7–20 s) and never runs stale code either. Plain JavaScript: it runs before
 * anything is compiled. See docs/performance/start.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `tsc -p tsconfig.build.json` reads (the folders are walked, their own times count for deleted files). */
export const buildInputs = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Written by tsc at the end of every build that emitted; set to the build's start by a build run from here. */
export const buildStamp = path.join('dist', '.tsbuildinfo');

/** The latest modification time (ms) of a file or of a folder and everything in it; 0 when it does not exist. */
export function latestChange(target) {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, latestChange(path.join(target, entry)));
  return latest;
}

/** Why the build in `root` must run again, or undefined when dist/ is current. */
export function staleness(root) {
  const stamp = path.join(root, buildStamp);
  if (!existsSync(stamp) || !existsSync(path.join(root, 'dist', 'src', 'cli.js')) || !existsSync(path.join(root, 'dist', 'bundle', 'cli.js'))) {
    return 'dist/ is missing';
  }
  const built = statSync(stamp).mtimeMs;
  const changed = buildInputs.find((input) => latestChange(path.join(root, input)) > built);
  return changed === undefined ? undefined : `${changed} changed since the last build`;
}

/**
 * Builds when stale. The stamp is then set to the time the build started: tsc leaves it untouched when nothing needed
 * emitting, and a file saved during the build must still count as newer than the build. A failed build is not
 * current.
 */
function buildIfStale(root) {
  const reason = staleness(root);
  if (reason === undefined) return 0;
  console.error(`Building the platform (${reason})…`);
  const started = new Date();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  let build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (build.status === 0) build = spawnSync(process.execPath, [path.join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'inherit' });
  const stamp = path.join(root, buildStamp);
  if (build.status === 0) utimesSync(stamp, started, started);
  // tsc emits and stamps even when the types are wrong, and a failed bundle leaves tsc's stamp: the next start must
  // build again and report the errors.
  else if (existsSync(stamp)) utimesSync(stamp, 0, 0);
  return build.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = buildIfStale(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
