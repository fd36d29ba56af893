// The VAPID key pair pushes are signed with: from the environment (every instance the same), or in development a
// pair generated once into DATA_DIR/vapid.json. In production without keys, push is off.
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { dataDir, env } from '@/lib/env';

export type Vapid = { publicKey: string; privateKey: string; subject: string };

let cached: Vapid | null | undefined;

export function vapidKeys(): Vapid | null {
  if (cached !== undefined) return cached;
  const subject = env.VAPID_SUBJECT ?? 'mailto:admin@localhost';
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    cached = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  } else if (env.NODE_ENV !== 'production') {
    const file = path.join(dataDir, 'vapid.json');
    try {
      cached = { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string }), subject };
    } catch {
      const keys = webpush.generateVAPIDKeys();
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
      cached = { ...keys, subject };
    }
  } else {
    cached = null;
  }
  return cached;
}
