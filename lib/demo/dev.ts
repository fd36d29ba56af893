// `npm run dev` only: plants the demo community into an empty database and says how to sign in. instrumentation.ts
// loads this behind a build-time condition, so a production build holds neither it, the seed nor faker
// (scripts/check-server-bundle.mjs checks after every build).
import type { DatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';
import { demoAccount, seedDemo } from './seed';

export async function plantDemoCommunity(handle: DatabaseHandle) {
  if (env.HEARTH_SEED === 'off') return;
  const result = await seedDemo(handle.db, { pictures: true, log: (line) => console.log(`  ${line}`) });
  console.log(
    `\n  Hearth is running at http://localhost:${env.PORT ?? 3000} on ${handle.kind === 'pglite' ? 'embedded PostgreSQL' : 'PostgreSQL'} (${handle.location}).` +
      (result.seeded ? '' : `\n  Demo community already planted (${result.reason}).`) +
      `\n  Demo sign-in: ${demoAccount.email} / ${demoAccount.password}\n`,
  );
}
