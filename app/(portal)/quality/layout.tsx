'use client';
// The quality workspace: its tabs above each page. Evaluators (the outsourcer's managers, quality staff, admins) see
// them all; the client's people see the survey inbox only.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Stack, Tabs, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useCurrentUser } from '@/app/components/current-user';
import { EVALUATORS } from '@/server/tenancy/roles';

const TABS: { href: string; label: MessageKey; everyone?: true }[] = [
  { href: '/quality', label: 'quality.tab.queue' },
  { href: '/quality/surveys', label: 'quality.tab.surveys', everyone: true },
  { href: '/quality/grids', label: 'quality.tab.grids' },
  { href: '/quality/calibration', label: 'quality.tab.calibration' },
];

export default function QualityLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  const user = useCurrentUser();
  const evaluator = user.orgKind === 'outsourcer' && EVALUATORS.includes(user.role);
  const tabs = TABS.filter((tab) => evaluator || tab.everyone);
  // The evaluate page belongs to the queue's tab.
  const active = TABS.slice().reverse().find((tab) => tab.href !== '/quality' && pathname.startsWith(tab.href))?.href ?? '/quality';
  return (
    <Stack>
      <Title order={2}>{t('quality.title')}</Title>
      <Tabs value={active}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.href} value={tab.href} renderRoot={(props) => <Link {...props} href={tab.href} />} data-testid={`quality-tab-${tab.href.split('/')[2] ?? 'queue'}`}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {children}
    </Stack>
  );
}
