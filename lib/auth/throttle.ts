// Brute-force protection for sign-in and sign-up: per address and per account, counted in the database.
import { headers } from 'next/headers';
import type { Executor } from '@/db/client';
import { clientAddress, consume, rules, type Verdict } from '@/lib/rate-limit';

export async function requestAddress() {
  const h = await headers();
  return clientAddress(h.get('x-forwarded-for'), h.get('x-real-ip'));
}

export function throttleSignIn(db: Executor, address: string, email: string): Promise<Verdict> {
  return consume(db, [
    { rule: rules.signInPerIpMinute, subject: address },
    { rule: rules.signInPerIpHour, subject: address },
    { rule: rules.signInPerAccount, subject: email.trim().toLowerCase() },
  ]);
}

export function throttleSignUp(db: Executor, address: string): Promise<Verdict> {
  return consume(db, [{ rule: rules.signUpPerIp, subject: address }]);
}
