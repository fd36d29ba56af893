// A heavy person for privacy tests: the demo account of the seeded community, with an uploaded avatar and a session too.
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { profiles, users } from '@/db/schema';
import { demoAccount, seedDemo } from '@/lib/demo/seed';
import { startSession } from '@/lib/auth/sessions';
import { processImage } from '@/lib/media/process-image';
import { storeImage } from '@/lib/media/store';
import { jpegWithGps } from './fixtures/images';

export async function seedHeavyPerson() {
  const result = await seedDemo(db, { now: new Date() });
  if (!result.seeded) throw new Error(`seed failed: ${result.reason}`);
  const [user] = await db.select().from(users).where(eq(users.email, demoAccount.email));
  const processed = await processImage(await jpegWithGps(400, 400), { kind: 'avatar' });
  const avatarId = await db.transaction(async (tx) => {
    const id = await storeImage(tx, user.id, 'avatar', processed);
    await tx.update(profiles).set({ avatarMediaId: id }).where(eq(profiles.userId, user.id));
    return id;
  });
  await startSession(db, user.id, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36');
  return { user, password: demoAccount.password, avatarId, avatarBytes: processed.variants.map((v) => v.bytes) };
}
