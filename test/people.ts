// A person with only a row in users (no profile, no consents): for tests about groups, roles and actions, where who
// the person is matters and nothing else about them. test/profiles.ts makePerson adds a profile.
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';

let n = 0;

export async function newPerson(label: string): Promise<Viewer> {
  const handle = `${label.toLowerCase().slice(0, 12)}_${++n}_${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name: label, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle: u.handle, name: label, image: null };
}
