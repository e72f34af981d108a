// Every page behind sign-in: redirects anonymous visitors, then the top navigation above the page, or above the
// refusal of a page the user's role may not open (PageGate).
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { Box, Container } from '@mantine/core';
import { currentUser } from '@/server/auth/options';
import { TopNav } from '@/app/components/top-nav';
import { CurrentUserProvider } from '@/app/components/current-user';
import { PageGate } from '@/app/components/page-gate';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return (
    <CurrentUserProvider user={user}>
      <Box mih="100vh">
        <TopNav user={user} />
        <Container component="main" size="xl" py="lg"><PageGate>{children}</PageGate></Container>
      </Box>
    </CurrentUserProvider>
  );
}
