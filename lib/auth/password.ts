// Password hashing with argon2id (OWASP's first choice); unknown accounts are verified against a dummy hash so timing reveals nothing.
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, options);
}

let dummy: Promise<string> | undefined;

/** Verifies a password; with no stored hash, spends the same time on a dummy one and fails. */
export async function verifyPassword(storedHash: string | null | undefined, password: string) {
  if (!storedHash) {
    dummy ??= hashPassword('hearth-dummy-password-for-timing');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
