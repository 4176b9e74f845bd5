import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sandboxes/**/*.test.ts', 'bench/**/*.test.ts'],
    reporters: ['default', './vitest.reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
