import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStamp, staleness } from './build-if-stale.js';

/** A project with sources last changed at `sourcesAt` and, unless `built` is undefined, a build stamped at `built`. */
function project(root: string, sourcesAt: number, built: number | undefined): void {
  const files = ['src/cli.ts', 'src/modules/a/service.ts', 'migrations/index.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  for (const entry of [...files, 'src/modules/a', 'src/modules', 'src', 'migrations']) setTime(root, entry, sourcesAt);
  if (built === undefined) return;
  mkdirSync(path.join(root, 'dist', 'src'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'bundle'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'src', 'cli.js'), '');
  writeFileSync(path.join(root, 'dist', 'bundle', 'cli.js'), '');
  writeFileSync(path.join(root, buildStamp), '');
  setTime(root, buildStamp, built);
}

function setTime(root: string, entry: string, seconds: number): void {
  utimesSync(path.join(root, entry), seconds, seconds);
}

describe('whether npm start must build first', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'better-build-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('does not build when dist/ is newer than every source', () => {
    project(root, 1_000, 2_000);
    expect(staleness(root)).toBeUndefined();
  });

  it('builds a fresh clone, and a tree whose compiled or bundled entry point is gone', () => {
    project(root, 1_000, undefined);
    expect(staleness(root)).toBe('dist/ is missing');
    for (const entry of [
      ['src', 'cli.js'],
      ['bundle', 'cli.js'],
    ]) {
      project(root, 1_000, 2_000);
      unlinkSync(path.join(root, 'dist', ...entry));
      expect(staleness(root)).toBe('dist/ is missing');
    }
  });

  it('builds when a source deep in src/ changed after the build', () => {
    project(root, 1_000, 2_000);
    setTime(root, 'src/modules/a/service.ts', 3_000);
    expect(staleness(root)).toBe('src changed since the last build');
  });

  it('builds when a file was deleted (its folder changed), a migration was added or the compiler settings changed', () => {
    project(root, 1_000, 2_000);
    setTime(root, 'src/modules/a', 3_000);
    expect(staleness(root)).toBe('src changed since the last build');
    project(root, 1_000, 2_000);
    setTime(root, 'migrations/index.ts', 3_000);
    expect(staleness(root)).toBe('migrations changed since the last build');
    project(root, 1_000, 2_000);
    setTime(root, 'tsconfig.build.json', 3_000);
    expect(staleness(root)).toBe('tsconfig.build.json changed since the last build');
  });
});
