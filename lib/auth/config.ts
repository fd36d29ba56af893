// Auth.js v5: email + password always; GitHub and Google when their variables are set. JWT sessions carry a
// session version that getViewer() checks against the database on every request, so sessions can be ended.
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { cookies, headers } from 'next/headers';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { db } from '@/db/client';
import { and, eq } from 'drizzle-orm';
import { accounts, users } from '@/db/schema';
import { admitNewAccount, isAwaitingApproval, registrationGate } from '@/lib/admin/registration';
import { env } from '@/lib/env';
import { secureCookies } from './cookies';
import { authorizeCredentials } from './credentials';
import { deviceCookieDays, deviceCookieName, rememberDevice } from './device';
import { enabledOAuthProviders } from './providers';
import { resolveAuthSecret } from './secret';
import { endSession, startSession } from './sessions';
import { safeRedirect } from './schemas';
import { insertPerson, suggestHandle } from './users';
import { log } from '@/lib/log';

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
    /** When this session signed in (ms since epoch): erasing an account without a password needs a fresh one. */
    signedInAt?: number;
    /** The user_sessions row of this browser. */
    sessionId?: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Sign-in time, ms since epoch. */
    sat?: number;
    /** The user_sessions row of this browser. */
    sid?: string;
  }
}

export const oauthProviders = enabledOAuthProviders(env);

/** The signing-in browser's User-Agent, when there is a request to read it from. */
async function requestUserAgent() {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null;
  }
}

/** Marks this browser as one that has signed in to this account (lib/auth/device.ts). */
async function rememberThisDevice(email: string | null | undefined) {
  if (!email) return;
  try {
    const jar = await cookies();
    const h = await headers();
    jar.set(deviceCookieName, rememberDevice(jar.get(deviceCookieName)?.value, email), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookies(env) ?? h.get('x-forwarded-proto') === 'https',
      maxAge: deviceCookieDays * 86_400,
    });
  } catch {
    // Not in a request that can set cookies: the device simply stays unknown.
  }
}

/** The Drizzle adapter, with account creation that also picks a handle and makes the profile row. */
function adapter(): Adapter {
  const base = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts });
  return {
    ...base,
    async createUser(data) {
      const email = data.email.trim().toLowerCase();
      const handle = await suggestHandle(db, data.name ?? email.split('@')[0]);
      return db.transaction(async (tx) => {
        // The first account becomes the instance's admin; in approval mode the account is held (lib/admin/registration.ts).
        const { user: row, first } = await insertPerson(tx, { name: data.name ?? handle, email, emailVerified: data.emailVerified, image: data.image, handle });
        await admitNewAccount(tx, { userId: row.id, first });
        return { ...row, email: row.email };
      });
    },
  };
}

function config(): NextAuthConfig {
  const useOAuth = oauthProviders.github || oauthProviders.google;
  return {
    secret: resolveAuthSecret(),
    trustHost: env.AUTH_TRUST_HOST === 'true' || env.AUTH_TRUST_HOST === '1' || env.NODE_ENV !== 'production',
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: secureCookies(env),
    adapter: useOAuth ? adapter() : undefined,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        authorize: authorizeCredentials,
      }),
      ...(oauthProviders.github ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
      ...(oauthProviders.google ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })] : []),
    ],
    callbacks: {
      // OAuth: a new person is let in only as the registration mode allows (an invite link cannot come this way),
      // and an account waiting for approval cannot sign in.
      async signIn({ account }) {
        if (!account || account.type === 'credentials') return true;
        const [linked] = await db
          .select({ userId: accounts.userId })
          .from(accounts)
          .where(and(eq(accounts.provider, account.provider), eq(accounts.providerAccountId, account.providerAccountId)))
          .limit(1);
        if (linked) return (await isAwaitingApproval(db, linked.userId)) ? '/sign-in?error=AwaitingApproval' : true;
        const gate = await registrationGate(db, {});
        return gate.ok ? true : '/sign-in?error=RegistrationClosed';
      },
      // Where Auth.js sends people after its own routes: the same rule as the sign-in form (lib/auth/schemas.ts).
      redirect({ url, baseUrl }) {
        let path = url;
        if (!url.startsWith('/')) {
          try {
            const parsed = new URL(url);
            path = parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '';
          } catch {
            path = '';
          }
        }
        return `${baseUrl}${safeRedirect(path)}`;
      },
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
          token.sat = Date.now();
          token.sid = await startSession(db, user.id, await requestUserAgent());
          await rememberThisDevice(user.email);
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid) session.user.id = token.uid;
        session.sessionVersion = token.sv;
        session.signedInAt = token.sat;
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Signing out — by the action or by Auth.js's own /api/auth/signout — ends this browser's session row, so the
      // token stops opening anything at once (getViewer requires the row) instead of when the cookie would expire.
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (token?.uid && token.sid) await endSession(db, token.uid, token.sid);
      },
    },
    logger: {
      // A wrong password is an expected outcome, not an error with a stack trace.
      error(error) {
        // (Auth.js errors carry their kind in `type`; class names are minified in production.)
        if ((error as { type?: string }).type === 'CredentialsSignin') return;
        log.error({ err: error }, '[auth]');
      },
    },
  };
}

// Lazy: the secret is resolved per request, so `next build` never needs one.
export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
