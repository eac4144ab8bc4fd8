import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authSecret, env } from '@/env';
import type { TRole } from '../db/schema';
import { clientIpFrom } from './client-ip';
import { verifyPasswordSignIn } from './verify-password-sign-in';
import { consumeSignInLink } from './consume-sign-in-link';

declare module 'next-auth' {
  interface User {
    role?: TRole;
  }
  interface Session {
    user: { id: string; role: TRole; name?: string | null; email?: string | null };
    /** When the session token was issued (seconds), to honour "sign out everywhere". */
    issuedAt?: number;
  }
}

/** The code carries the wait so the sign-in form can say "try again in N minutes". */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterMinutes: number) {
    super();
    this.code = `throttled:${retryAfterMinutes}`;
  }
}

/** The right password for an address whose owner has not confirmed it yet. */
export class UnverifiedSignIn extends CredentialsSignin {
  override code = 'unverified';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret,
  trustHost: env.AUTH_TRUST_HOST || env.NODE_ENV !== 'production' || Boolean(env.AUTH_URL),
  session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      id: 'password',
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        if (typeof credentials.email !== 'string' || typeof credentials.password !== 'string')
          return null;
        const result = await verifyPasswordSignIn({
          email: credentials.email,
          password: credentials.password,
          ip: clientIpFrom(request.headers),
        });
        if (result.ok) return { id: result.user.id, role: result.user.role };
        if (result.error === 'throttled') throw new ThrottledSignIn(result.retryAfterMinutes);
        if (result.error === 'unverified') throw new UnverifiedSignIn();
        return null;
      },
    }),
    Credentials({
      id: 'email-link',
      credentials: { token: {} },
      async authorize(credentials, request) {
        if (typeof credentials.token !== 'string') return null;
        const user = await consumeSignInLink({
          token: credentials.token,
          ip: clientIpFrom(request.headers),
        });
        return user ? { id: user.id, role: user.role } : null;
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected answer, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  callbacks: {
    // The token carries only the user id (sub) and role; everything else is read fresh.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role ?? 'resident';
      }
      return { sub: token.sub, role: token.role, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = (token.role as TRole | undefined) ?? 'resident';
      session.issuedAt = typeof token.iat === 'number' ? token.iat : undefined;
      return session;
    },
  },
  cookies: {
    sessionToken: {
      options: {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
      },
    },
  },
});
