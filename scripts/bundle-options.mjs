// The esbuild options every bundle of Arbiter shares: dist/ (scripts/build.mjs) and bench/e2e.ts's baseline.
// One ESM bundle per entry point, shared code split into chunks, for Node 20.
export const bundleOptions = {
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that start threads of their own, load native code, or read files beside their own code
  // (swagger-ui assets, bullmq's Lua scripts) stay in node_modules.
  external: ['piscina', 'pino', 'isolated-vm', 'tsx', 'esbuild', '@fastify/swagger-ui', 'bullmq', 'ioredis'],
  // CommonJS dependencies (commander, …) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __arbiterRequire } from 'node:module'; const require = __arbiterRequire(import.meta.url);" },
  logLevel: 'warning',
};
