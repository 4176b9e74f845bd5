#!/usr/bin/env node
// The `arbiter` command. Runs the bundle in dist/ (built by `npm ci` through `prepare`, or `npm run build`)
// when it is at least as new as every source file, since running from sources through tsx costs ~0.6 s
// per thread at start-up; otherwise it runs the sources through tsx, so an edited checkout never runs
// stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundledMain = new URL('dist/main.js', root);

/** Newest mtime (ms) of the non-test .ts files under `dir`; a cheap walk (~100 files, no reads). */
function newestSourceMs(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesMs = Math.max(newestSourceMs(new URL('src/', root)), newestSourceMs(new URL('sandboxes/', root)));
if (existsSync(bundledMain) && statSync(bundledMain).mtimeMs >= sourcesMs) {
  await import(bundledMain.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/cli/main.ts', root).href);
}
