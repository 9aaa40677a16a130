import { defineConfig } from 'vitest/config';

// One root run covers every package's tests and the cross-package tests in tests/.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'api/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
