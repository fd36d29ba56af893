import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Layers: app/ and components/ read and write through lib/<domain> (types from db/schema may be imported: they
  // are erased and describe what lib/ returns); db/ imports nothing from lib/; lib/ never imports app/ or
  // components/. Tests may reach across to set up what they check.
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
    files: ['db/**'],
    // The demo community's seed still lives in db/seed and plants through lib/ domains; moving it out is the rest
    // of issue 20's "seeding moves out of db/".
    ignores: ['**/*.test.ts', 'db/seed/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/*', '**/lib/*'], message: 'db/ is below lib/: it imports nothing from it.' }] }] },
  },
  {
    files: ['lib/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'], message: 'lib/ is below app/ and components/: it never imports them.' }] }] },
  },
  globalIgnores(['.next/**', 'out/**', 'next-env.d.ts', '.data/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**']),
]);
