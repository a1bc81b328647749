#!/usr/bin/env node
/**
 * Bundles the compiled platform (dist/src, written by tsc) into a few files in dist/bundle, which `bin/better.js`
 * runs. Loading ~410 small ES modules of our own cost about a quarter of a second of every start (module resolution,
 * file reads, linking: docs/performance/start.md); one file and the chunks of what loads later (each command, the
 * .docx writers…) cost a fraction of that. Kysely and zod are bundled too: each is hundreds of small ES modules (264
 * and 95), pure JavaScript, and nothing else imports them but kysely-pglite-dialect, bundled with them so that one copy
 * of Kysely is ever loaded. Every other package stays outside, loaded from node_modules as before (native code, WASM
 * and files found beside their modules). The PGlite thread's entry is bundled beside the CLI, where the chunk that
 * starts it looks for it (core/db/embedded-thread.ts). Plain JavaScript: it runs before anything else is compiled.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bundledPackages = new Set(['kysely', 'zod', 'kysely-pglite-dialect']);

/** Every package the project depends on but those bundled, with its subpaths. */
function externalPackages(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !bundledPackages.has(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

export async function bundle(root, outdir = path.join(root, 'dist', 'bundle')) {
  // Chunks are named by their content: those of an earlier build would stay beside the new ones.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'dist', 'src', 'cli.js'), path.join(root, 'dist', 'src', 'core', 'db', 'embedded-worker.js')],
    outdir,
    entryNames: '[name]',
    // Next to the entries: a chunk that starts the PGlite thread finds embedded-worker.js beside itself.
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(root),
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
