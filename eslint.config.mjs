import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

const testFiles = ['**/*.test.ts', '**/*.test.tsx'];
/** test/ is the tests' own: helpers that write straight to the database, fixtures, stubs. */
const noTestImports = { regex: '^(@/|(\\.\\./)+|\\./)test(/|$)', message: 'test/ holds the tests\' helpers and fixtures: production code never imports it.' };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Every element of a list has a key, a unique one: React otherwise re-creates items (and drops focus) on re-render.
      'react/jsx-key': ['error', { checkFragmentShorthand: true, checkKeyMustBeforeSpread: true, warnOnDuplicates: true }],
    },
  },
  // Layers: app/ and components/ read and write through lib/<domain> (types from db/schema may be imported: they
  // are erased and describe what lib/ returns); db/ imports nothing from lib/ but the settings (lib/env.ts, which
  // depends on nothing of Hearth's); lib/ never imports app/ or components/. No production code imports test/ (the
  // helpers and fixtures of the tests). Tests may reach across to set up what they check.
  {
    files: ['app/**', 'components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/db', '@/db/*', '**/db/*'], allowTypeImports: true, message: 'Read and write through lib/<domain>, which authorizes; only types may come from db/.' }] },
      ],
    },
  },
  {
    files: ['app/**', 'components/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestImports] }] },
  },
  {
    files: ['db/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@/|(\\.\\./)+)lib/(?!env$)', message: 'db/ is below lib/: it imports nothing from it but the settings (lib/env).' }, noTestImports] },
      ],
    },
  },
  {
    files: ['lib/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@/|(\\.\\./)+)(app|components)/', message: 'lib/ is below app/ and components/: it never imports them.' }, noTestImports] },
      ],
    },
  },
  // Logs: one structured line per event through lib/log.ts (pino, with the request id; scripts/server.mjs and its
  // modules through their own pino logger), not console. The demo
  // community's banner (lib/demo) is for the person running `npm run dev`.
  {
    files: ['lib/**', 'db/**', 'app/**', 'components/**', 'proxy.ts', 'instrumentation.ts', 'scripts/server.mjs', 'scripts/admission.mjs', 'scripts/drain.mjs', 'scripts/request-guard.mjs'],
    ignores: [...testFiles, 'lib/demo/**'],
    rules: { 'no-console': 'error' },
  },
  // Settings: every one is read and validated once, in lib/env.ts. Scripts, benchmarks, tests and tool configs run
  // outside the app and read their own.
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    ignores: ['lib/env.ts', 'scripts/**', 'bench/**', 'e2e/**', 'test/**', ...testFiles, '*.config.{ts,mjs,js}'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from `env` (lib/env.ts), where each is declared, validated and documented.' }],
    },
  },
  globalIgnores(['.next/**', 'out/**', 'next-env.d.ts', '.data/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**']),
]);
