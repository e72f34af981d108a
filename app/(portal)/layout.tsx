// Every page behind sign-in: redirects anonymous visitors, then the top navigation above the page.
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { Box, Container } from '@mantine/core';
import { currentUser } from '@/server/auth/options';
import { TopNav } from '@/app/components/top-nav';
import { CurrentUserProvider } from '@/app/components/current-user';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return (
    <CurrentUserProvider user={user}>
      <Box mih="100vh">
        <TopNav user={user} />
        <Container component="main" size="xl" py="lg">{children}</Container>
      </Box>
    </CurrentUserProvider>
  );
}
