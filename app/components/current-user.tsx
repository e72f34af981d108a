'use client';
// The signed-in user, given once by the portal layout (server side) to every client component below it.
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from '@/server/auth/session-user';

const UserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

export function useCurrentUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useCurrentUser outside the portal layout');
  return user;
}
