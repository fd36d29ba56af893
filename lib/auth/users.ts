// Creating accounts: shared by sign-up, OAuth first sign-in and the demo seed.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { instanceAuditLog, profiles, releasedHandles, users, type NewUser } from '@/db/schema';
import { isAwaitingApproval } from '@/lib/admin/registration';
import { uniqueViolation } from '@/lib/db-errors';
import { coolDownCutoff, handleDigest, legacyHandleDigest } from '@/lib/privacy/handles';
import { hashPassword, verifyPassword } from './password';
import { reservedHandles, signInSchema, type SignUpInput } from './schemas';

export type CreateAccountResult =
  | { ok: true; userId: string }
  | { ok: false; field: 'email' | 'handle'; message: string };

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/** Whether a handle belongs to someone, or to an erased account that is still in its cool-down. */
export async function isHandleTaken(db: Executor, handle: string, now = new Date()) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.handle})`, handle.toLowerCase()))
    .limit(1);
  return Boolean(row) || (await isHandleCoolingDown(db, handle, now));
}

/** Whether a handle was freed by an account erasure too recently to be taken again. */
export async function isHandleCoolingDown(db: Executor, handle: string, now = new Date()) {
  const [row] = await db
    .select({ releasedAt: releasedHandles.releasedAt })
    .from(releasedHandles)
    .where(and(inArray(releasedHandles.handleDigest, [handleDigest(handle), legacyHandleDigest(handle)]), gt(releasedHandles.releasedAt, coolDownCutoff(now))))
    .limit(1);
  return Boolean(row);
}

// Any fixed number: the transaction-level advisory lock that makes "the first account" one account.
const firstAccountLock = 0x4845_4152; // "HEAR"

/**
 * Inserts a person and their empty profile, inside the caller's transaction. The first account on an empty
 * instance becomes its admin: while no account is seen, creations queue behind a transaction-level advisory lock and
 * look again, so of two first sign-ups at once only the one that commits first finds the table empty.
 */
export async function insertPerson(tx: Transaction, values: Omit<NewUser, 'instanceRole'>) {
  let first = !(await anyAccount(tx));
  if (first) {
    await tx.execute(sql`select pg_advisory_xact_lock(${firstAccountLock})`);
    first = !(await anyAccount(tx));
  }
  const [user] = await tx
    .insert(users)
    .values({ ...values, instanceRole: first ? 'admin' : null })
    .returning();
  await tx.insert(profiles).values({ userId: user.id });
  if (first) await tx.insert(instanceAuditLog).values({ actorId: null, action: 'first_admin', targetUserId: user.id, details: { why: 'the first account on an empty instance' } });
  return { user, first };
}

async function anyAccount(tx: Transaction) {
  const [row] = await tx.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}

/** Creates a person and their empty profile in one transaction (the first account on an empty instance is its admin). */
export async function createAccount(
  db: Executor,
  input: SignUpInput,
  options: { passwordHash?: string; emailVerified?: Date; inTransaction?: (tx: Transaction, userId: string, first: boolean) => Promise<void> } = {},
): Promise<CreateAccountResult> {
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  try {
    const userId = await db.transaction(async (tx) => {
      const { user, first } = await insertPerson(tx, { name: input.name, email: input.email, handle: input.handle, passwordHash, emailVerified: options.emailVerified });
      await options.inTransaction?.(tx, user.id, first);
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint?.includes('email')) {
      return { ok: false, field: 'email', message: 'An account with that email already exists — try signing in.' };
    }
    if (constraint?.includes('handle')) {
      return { ok: false, field: 'handle', message: `The handle @${input.handle} is taken — try another.` };
    }
    throw error;
  }
}

/** A free handle derived from a name or email (OAuth sign-ups pick theirs later). */
export async function suggestHandle(db: Executor, seed: string) {
  let base = seed
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24);
  if (base.length < 3 || reservedHandles.has(base)) base = `member_${base}`.slice(0, 24);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = attempt === 0 ? base : `${base}_${Math.floor(Math.random() * 10 ** (2 + Math.floor(attempt / 10)))}`;
    if (!(await isHandleTaken(db, candidate))) return candidate;
  }
  return `member_${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Checks an email and password. Unknown emails and OAuth-only accounts spend the same time on a dummy hash,
 * and every failure looks the same, so neither timing nor answers reveal who has an account.
 */
export async function authenticate(db: Executor, raw: unknown) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await findUserByEmail(db, parsed.data.email);
  const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !ok) return null;
  // Told only after the right password: an account waiting for approval cannot sign in yet.
  const awaitingApproval = await isAwaitingApproval(db, user.id);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, awaitingApproval };
}
