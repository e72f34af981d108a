// The wall TV's page: signed in like the portal's pages, but outside their group so it has no navigation chrome.
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { CurrentUserProvider } from '@/app/components/current-user';
import { PageGate } from '@/app/components/page-gate';

export const dynamic = 'force-dynamic';

export default async function WallboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  // A viewer the wall TV is not for reads why, with the way home (there is no navigation here to leave by).
  return <CurrentUserProvider user={user}><PageGate padded>{children}</PageGate></CurrentUserProvider>;
}
