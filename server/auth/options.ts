// next-auth configuration: credentials sign-in, JWT sessions carrying role and organization.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { clickhouse } from '@/clickhouse/client';
import { authorizeCredentials } from './credentials';
import type { SessionUser } from './session-user';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Relais',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: async (credentials) => {
        const user = await authorizeCredentials(clickhouse(), credentials?.email, credentials?.password);
        return user ? { ...user } : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.user = user as unknown as SessionUser;
      return token;
    },
    session: ({ session, token }) => {
      const user = token.user as SessionUser | undefined;
      return { ...session, user: user ?? session.user };
    },
  },
};

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as SessionUser | undefined;
  return user?.id ? user : null;
}
