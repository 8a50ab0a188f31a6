import { defineConfig } from 'vitest/config';

// One suite, two database back-ends: by default every *.db.test.ts gets a fresh embedded
// PGlite; with TEST_DATABASE_URL (see .ci/run) the same files run against a real PostgreSQL.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NODE_ENV: 'test', TZ: 'America/Sao_Paulo' },
  },
});
