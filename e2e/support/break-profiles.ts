// Prepares a server whose profile pages fail on the server (e2e/error-reference.spec.ts): one account, then the
// profiles table renamed away, so /u/<handle> throws while the sign-in page and the rest still answer.
//   DATA_DIR=… npx tsx e2e/support/break-profiles.ts
import { sql } from 'drizzle-orm';
import { closeDatabase, ensureDatabase } from '../../db/client';
import { createAccount } from '../../lib/auth/users';

try {
  const { db } = await ensureDatabase();
  const created = await createAccount(db, { name: 'Broken Profile', handle: 'broken_profile', email: 'broken@example.org', password: 'unused-password' }, { passwordHash: 'not-a-real-hash' });
  if (!created.ok) throw new Error(created.message);
  await db.execute(sql`alter table profiles rename to profiles_gone`);
  console.log('profiles table renamed away');
} finally {
  await closeDatabase();
}
