// The wall TV's page: signed in like the portal's pages, but outside their group so it has no navigation chrome.
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { CurrentUserProvider } from '@/app/components/current-user';

export const dynamic = 'force-dynamic';

export default async function WallboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return <CurrentUserProvider user={user}>{children}</CurrentUserProvider>;
}
