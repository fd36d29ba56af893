// npm run admin:grant -- <email> [--role admin|moderator] [--revoke]
// Gives (or with --revoke takes away) an instance role, as the operator of the server: written to the instance audit
// log like a change made in /admin, and refused when it would leave the instance without an admin.
import { parseArgs } from 'node:util';
import { closeDatabase, ensureDatabase } from '../db/client';
import { findUserByEmail } from '../lib/auth/users';
import { lastAdminMessage, setInstanceRole } from '../lib/admin/manage';

const usage = 'Usage: npm run admin:grant -- <email> [--role admin|moderator] [--revoke]';

export async function grant(argv: string[]): Promise<{ code: number; message: string }> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string', default: 'admin' }, revoke: { type: 'boolean', default: false } } });
  } catch (error) {
    return { code: 2, message: `${error instanceof Error ? error.message : error}\n${usage}` };
  }
  const [email] = parsed.positionals;
  const role = parsed.values.role;
  if (!email || parsed.positionals.length > 1 || (role !== 'admin' && role !== 'moderator')) return { code: 2, message: usage };
  const { db } = await ensureDatabase();
  const person = await findUserByEmail(db, email);
  if (!person) return { code: 1, message: `No account has the address ${email}.` };
  if (parsed.values.revoke && person.instanceRole !== role) return { code: 1, message: `@${person.handle} is not an instance ${role}; nothing changed.` };
  const outcome = await db.transaction((tx) => setInstanceRole(tx, { actorId: null, userId: person.id, role: parsed.values.revoke ? 'none' : role, via: 'admin:grant' }));
  if (outcome === 'last-admin') return { code: 1, message: lastAdminMessage };
  if (outcome === 'missing') return { code: 1, message: `No account has the address ${email}.` };
  if (outcome === 'unchanged') return { code: 0, message: `@${person.handle} is already an instance ${role}.` };
  return { code: 0, message: parsed.values.revoke ? `@${person.handle} is no longer an instance ${role}.` : `@${person.handle} is an instance ${role} now.` };
}

if (process.argv[1]?.endsWith('admin-grant.ts')) {
  try {
    const { code, message } = await grant(process.argv.slice(2));
    (code === 0 ? console.log : console.error)(message);
    process.exitCode = code;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
