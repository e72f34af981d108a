'use client';
// Every signed-in page passes through here (the portal's layout and the wall TV's): a page the user's role may not
// open says so, in their language and with the way home, instead of failing on its first query. One guard for all
// pages, fed by page-access.ts, so that no page keeps a list of roles of its own.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useRefusalText, useT } from '@/app/i18n/client';
import { useCurrentUser } from './current-user';
import { pageRefusal, type Refusal } from './page-access';

/** `padded`: on a page without the portal's frame (the wall TV), the refusal keeps the frame's margin. */
export function PageGate({ children, padded = false }: { children: ReactNode; padded?: boolean }) {
  const user = useCurrentUser();
  const refusal = pageRefusal(user, usePathname());
  return refusal ? <RefusedPage refusal={refusal} padded={padded} /> : <>{children}</>;
}

function RefusedPage({ refusal, padded = false }: { refusal: Refusal; padded?: boolean }) {
  const t = useT();
  const refusalText = useRefusalText();
  return (
    <Stack gap="sm" align="flex-start" p={padded ? 'lg' : undefined} data-testid="refused">
      <Title order={2}>{t('refused.title')}</Title>
      <Text data-testid="refused-reason">{refusalText(refusal.key, refusal.vars)}</Text>
      <Button component={Link} href="/">{t('notFound.home')}</Button>
    </Stack>
  );
}
