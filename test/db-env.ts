// Which database the db suite runs on: PGlite unless HEARTH_TEST_DB=postgres (with TEST_DATABASE_URL).
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.HEARTH_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('HEARTH_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).');
  return url;
}

export function urlForDatabase(name: string) {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    templateDatabase: string;
  }
}
