// next-auth configuration: credentials sign-in, JWT sessions carrying the user, a session id and the sign-in time,
// so that a sign-out (or a later cut-off for the user) ends the session at its next request (ended-sessions.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { clickhouse } from '@/clickhouse/client';
import { limitedSignIn } from './credentials';
import { endSession, sessionEnded } from './ended-sessions';
import { SESSION_MAX_AGE_SECONDS } from './session-age';
import type { SessionUser } from './session-user';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Relais',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: async (credentials, req) => {
        const user = await limitedSignIn(clickhouse(), credentials?.email, credentials?.password, addressOf(req.headers));
        return user ? { ...user } : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.user = user as unknown as SessionUser;
        token.sessionId = randomUUID();
        token.signedInAt = Date.now();
      }
      return token;
    },
    session: ({ session, token }) => {
      const user = token.user as SessionUser | undefined;
      return { ...session, user: user ?? session.user, sessionId: token.sessionId, signedInAt: token.signedInAt };
    },
  },
  events: {
    signOut: async ({ token }) => {
      const user = token?.user as SessionUser | undefined;
      if (user?.id && typeof token.sessionId === 'string') await endSession(clickhouse(), user.id, token.sessionId);
    },
  },
};

export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { user?: SessionUser; sessionId?: unknown; signedInAt?: unknown } | null;
  const user = session?.user;
  // A token from before sessions had ids cannot be ended: it is not honoured either.
  if (!session || !user?.id || typeof session.sessionId !== 'string' || typeof session.signedInAt !== 'number') return null;
  if (await sessionEnded(clickhouse(), { userId: user.id, sessionId: session.sessionId, signedInAt: session.signedInAt })) return null;
  return user;
}

/** The browser's address, as server/main.ts set it from the socket or a trusted proxy (client-address.ts). */
function addressOf(headers: Record<string, unknown> | undefined): string | null {
  const address = headers?.['x-forwarded-for'];
  return typeof address === 'string' && address ? address : null;
}
