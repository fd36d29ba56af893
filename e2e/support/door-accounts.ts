// Plants accounts for the sign-in door journey (e2e/sign-in-door.spec.ts) into an empty embedded database:
//   DATA_DIR=… npx tsx e2e/support/door-accounts.ts <count> <password>
import { closeDatabase, ensureDatabase } from '../../db/client';
import { createAccount } from '../../lib/auth/users';
import { hashPassword } from '../../lib/auth/password';

const count = Number(process.argv[2] ?? 1);
const password = process.argv[3] ?? 'a long enough password';
try {
  const { db } = await ensureDatabase();
  const passwordHash = await hashPassword(password);
  for (let i = 0; i < count; i++) {
    const created = await createAccount(db, { name: `Door ${i}`, handle: `door_${i}`, email: `door${i}@example.org`, password }, { passwordHash });
    if (!created.ok) throw new Error(created.message);
  }
  console.log(`planted ${count} accounts`);
} finally {
  await closeDatabase();
}
