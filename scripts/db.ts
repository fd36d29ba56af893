// npm run db:migrate | db:seed | db:reset — against DATABASE_URL if set, else the embedded database in DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, ensureDatabase, getDatabase } from '../db/client';
import { demoAccount, seedDemo } from '../lib/demo/seed';

const command = process.argv[2];

async function seed() {
  const handle = await ensureDatabase();
  const result = await seedDemo(handle.db, { pictures: true, log: console.log });
  if (!result.seeded) console.log(`Not seeding ${handle.location}: ${result.reason}. (npm run db:reset starts over.)`);
  else console.log(`Demo sign-in: ${demoAccount.email} / ${demoAccount.password}`);
}

async function reset() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const handle = getDatabase();
    await handle.postgres!.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
    console.log(`Emptied ${handle.location}.`);
  } else {
    const dir = path.resolve(process.env.DATA_DIR || '.data', 'pglite');
    const handle = getDatabase(); // takes the directory lock, so a running Hearth is not pulled from under itself
    await handle.close();
    await closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`Removed the embedded database in ${dir}.`);
  }
  await closeDatabase();
  await seed();
}

try {
  if (command === 'migrate') {
    const handle = await ensureDatabase();
    console.log(`Migrations applied to ${handle.location}.`);
  } else if (command === 'seed') await seed();
  else if (command === 'reset') await reset();
  else {
    console.error('Usage: tsx scripts/db.ts migrate|seed|reset');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
