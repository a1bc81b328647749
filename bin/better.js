#!/usr/bin/env node
// The `better` command: runs the compiled and bundled CLI (npm ci builds it; `npm run build` after changing the source).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/bundle/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('better: the platform is not built yet. Run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
await import(cli.href);
