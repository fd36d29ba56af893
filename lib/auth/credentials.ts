// Email and password: the one door, whichever way it is reached. The sign-in form's Server Action and Auth.js's own
// `POST /api/auth/callback/credentials` both end in authorizeCredentials, so both pass the same limits
// (lib/auth/throttle.ts).
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/db/client';
import { clientAddress } from '@/lib/rate-limit';
import { cookieValue, deviceCookieName, knownDeviceFor } from './device';
import { originOf } from './origin';
import { signInSchema } from './schemas';
import { guardPasswordAttempt } from './throttle';
import { relyingPartyOf, verifyPasskeySignIn } from './two-factor/passkeys';
import { secondFactorsOf, spendSecondFactorCode } from './two-factor/store';
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

export type SecondFactors = { totp: boolean; passkey: boolean };

/**
 * The password was right, and the account has two-factor sign-in: no session yet. The form asks for a code or a
 * passkey and sends email, password and the second factor again, so no half-signed-in state is kept anywhere.
 */
export class SecondFactorNeeded extends CredentialsSignin {
  code = 'second_factor_needed';
  constructor(readonly factors: SecondFactors) {
    super('A second factor is needed.');
  }
}

/** The password was right but the code or passkey was not; counted against the limits like a wrong password. */
export class SecondFactorRefused extends CredentialsSignin {
  code = 'second_factor_refused';
  constructor(readonly factors: SecondFactors) {
    super('The second factor was refused.');
  }
}

/** Parses a passkey's answer as the browser sent it; null when it is not JSON of the right shape. */
function passkeyAnswer(raw: string) {
  try {
    const value = JSON.parse(raw);
    return value && typeof value === 'object' && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
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
  const { code, passkey } = parsed.data;
  // One attempt is the password and the second factor together: a wrong code is a failure like a wrong password,
  // drawing on the same budgets, and only a complete sign-in gives its attempt back.
  const result = await guardPasswordAttempt(db, attempt, async () => {
    const user = await authenticate(db, parsed.data);
    if (!user) return null;
    const factors = await secondFactorsOf(db, user.id);
    if (!factors) return { user };
    if (code) {
      if (await spendSecondFactorCode(db, user.id, code)) return { user };
      throw new SecondFactorRefused(factors);
    }
    if (passkey) {
      const origin = originOf(request.headers);
      const answer = passkeyAnswer(passkey);
      if (origin && answer && (await verifyPasskeySignIn(db, answer, relyingPartyOf(origin), user.id))) return { user };
      throw new SecondFactorRefused(factors);
    }
    return { needed: factors };
  });
  if (result.ok) {
    if (result.value.needed) throw new SecondFactorNeeded(result.value.needed);
    // The right password (and second factor) of an account waiting for an admin's approval: said only now.
    const { awaitingApproval, ...user } = result.value.user;
    if (awaitingApproval) throw new AwaitingApproval();
    return user;
  }
  if (result.limited) throw new SignInLimited(result.limited.retryAfterSeconds, result.limited.message);
  return null;
}

