// Builds dist/: one ESM bundle per entry point (the CLI and each worker-thread script), shared code split
// into chunks. Bundling matters for start-up: loading TypeBox and our ~100 modules file by file costs
// ~0.25 s per thread, the bundle ~0.04 s. Worker scripts sit at the top of dist/ beside the chunks, so
// `new URL('./pool-worker.js', import.meta.url)` resolves the same way from a chunk as from src/.
// Runs on `npm ci` (prepare) and `npm run build`; bin/arbiter.js falls back to tsx when dist/ is stale.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Worker threads and child processes are entry points of their own: they load only what they run.
const entryPoints = ['src/cli/main.ts', 'src/grading/pool-worker.ts', 'src/cli/line-worker.ts', 'sandboxes/javascript/runner.ts'];

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Packages that start threads of their own, load native code, or read files beside their own code
  // (swagger-ui assets, bullmq's Lua scripts) stay in node_modules.
  external: ['piscina', 'pino', 'isolated-vm', 'tsx', 'esbuild', '@fastify/swagger-ui', 'bullmq', 'ioredis'],
  // CommonJS dependencies (commander, …) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __arbiterRequire } from 'node:module'; const require = __arbiterRequire(import.meta.url);" },
  logLevel: 'warning',
});
