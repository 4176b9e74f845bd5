// Builds dist/: one ESM bundle per entry point (the CLI and each worker-thread script), shared code split
// into chunks. Bundling matters for start-up: loading TypeBox and our ~100 modules file by file costs
// ~0.25 s per thread, the bundle ~0.04 s. Worker scripts sit at the top of dist/ beside the chunks, so
// `new URL('./pool-worker.js', import.meta.url)` resolves the same way from a chunk as from src/.
// Runs on `npm ci` (prepare) and `npm run build`; bin/arbiter.js falls back to tsx when dist/ is stale.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

// Worker threads and child processes are entry points of their own: they load only what they run.
const entryPoints = ['src/cli/main.ts', 'src/grading/pool-worker.ts', 'src/cli/line-worker.ts', 'sandboxes/javascript/runner.ts'];

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({ ...bundleOptions, entryPoints, outdir: 'dist', sourcemap: true });
