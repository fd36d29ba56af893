import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // The real package throws outside React Server Components; domain code under test is server code.
      'server-only': `${root}test/server-only.ts`,
    },
  },
  test: {
    // Like Discourse: limits are off in tests, and on in the tests that are about them.
    env: { HEARTH_RATE_LIMITS: 'off' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,db,components,scripts,bench}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // Integration tests on a real database: a migrated PGlite snapshot per file by default,
          // a database of their own on the server when HEARTH_TEST_DB=postgres (see test/db-setup.ts).
          name: 'db',
          include: ['**/*.db.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['test/db-global-setup.ts'],
          // next-auth imports 'next/server' without an extension, which Node's ESM resolver refuses: run it through Vite.
          server: { deps: { inline: ['next-auth'] } },
          setupFiles: ['test/db-setup.ts'],
          // Each refusal proof (test/proofs.ts) reads every table and three people's views twice.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
