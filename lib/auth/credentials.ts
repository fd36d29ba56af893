// Email and password: the one door, whichever way it is reached. The sign-in form's Server Action and Auth.js's own
// `POST /api/auth/callback/credentials` both end in authorizeCredentials, so both pass the same limits
// (lib/auth/throttle.ts).
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/db/client';
import { clientAddress } from '@/lib/rate-limit';
import { cookieValue, deviceCookieName, knownDeviceFor } from './device';
import { signInSchema } from './schemas';
import { guardPasswordAttempt } from './throttle';
import { authenticate } from './users';

/** A password attempt refused by the limits before the password was checked; carries how long to wait. */
export class SignInLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(
    readonly retryAfterSeconds: number,
    readonly waitMessage: string,
  ) {
    super(waitMessage);
  }
}

/** The right password for an account that waits for an admin's approval: said only after the password matched. */
export class AwaitingApproval extends CredentialsSignin {
  code = 'awaiting_approval';
}

/** Checks an email and password from a sign-in request (its address and device cookie) under the limits. */
export async function authorizeCredentials(raw: unknown, request: Request) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const attempt = {
    address: clientAddress(request.headers.get('x-forwarded-for')),
    email: parsed.data.email,
    deviceId: knownDeviceFor(cookieValue(request.headers.get('cookie'), deviceCookieName), parsed.data.email),
  };
  const result = await guardPasswordAttempt(db, attempt, () => authenticate(db, parsed.data));
  if (result.ok) {
    const { awaitingApproval, ...user } = result.value;
    if (awaitingApproval) throw new AwaitingApproval();
    return user;
  }
  if (result.limited) throw new SignInLimited(result.limited.retryAfterSeconds, result.limited.message);
  return null;
}

