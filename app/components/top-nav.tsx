'use client';
// The top navigation: sections for the role, who is signed in and for which organization, language, sign-out.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { Anchor, Badge, Box, Burger, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SessionUser } from '@/server/auth/session-user';
import { ADMINS, AGENT_ANALYSTS, AGENTS, CAMPAIGN_MANAGERS, EVALUATORS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { LanguageSwitch } from './language-switch';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';

// `kind`: the pages of one side only (a client's admin holds `admin` too, but runs no dialer nor agents).
// `admin`: the administration pages, on a line of their own under the daily ones.
const SECTIONS: { href: string; label: MessageKey; roles?: readonly SessionUser['role'][]; kind?: SessionUser['orgKind']; admin?: true }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/campaigns', label: 'nav.campaigns' },
  { href: '/live', label: 'nav.live', roles: PARTNERSHIP_MEMBERS },
  { href: '/report', label: 'nav.report', roles: PARTNERSHIP_MEMBERS },
  { href: '/alerts', label: 'nav.alerts', roles: PARTNERSHIP_MEMBERS },
  { href: '/agents', label: 'nav.agents', roles: AGENT_ANALYSTS, kind: 'outsourcer' },
  { href: '/team', label: 'nav.team', roles: AGENT_ANALYSTS, kind: 'outsourcer' },
  { href: '/quality', label: 'nav.quality', roles: EVALUATORS, kind: 'outsourcer' },
  { href: '/quality/surveys', label: 'nav.surveys', roles: PARTNERSHIP_MEMBERS, kind: 'client' },
  { href: '/workspace', label: 'nav.workspace', roles: PARTNERSHIP_MEMBERS },
  { href: '/desk', label: 'nav.desk', roles: AGENTS, kind: 'outsourcer' },
  { href: '/training', label: 'nav.training', roles: AGENTS },
  { href: '/dialer', label: 'nav.dialer', roles: CAMPAIGN_MANAGERS, kind: 'outsourcer' },
  { href: '/import', label: 'nav.import', roles: CAMPAIGN_MANAGERS, kind: 'outsourcer' },
  { href: '/settings', label: 'nav.settings', roles: ADMINS, kind: 'outsourcer', admin: true },
  { href: '/admin/users', label: 'nav.admin.users', roles: ADMINS, admin: true },
  { href: '/admin/teams', label: 'nav.admin.teams', roles: CAMPAIGN_MANAGERS, kind: 'outsourcer', admin: true },
  { href: '/admin/clients', label: 'nav.admin.clients', roles: ADMINS, kind: 'outsourcer', admin: true },
  { href: '/admin/audit', label: 'nav.audit', roles: ADMINS, admin: true },
  { href: '/admin/numbers', label: 'nav.numbers', roles: CAMPAIGN_MANAGERS, admin: true },
];

export function TopNav({ user }: { user: SessionUser }) {
  const t = useT();
  const pathname = usePathname();
  const [opened, { toggle, close }] = useDisclosure(false);
  const trpc = useTRPC();
  const isMember = PARTNERSHIP_MEMBERS.includes(user.role);
  const workspaces = useQuery({ ...trpc.workspace.activity.workspaces.queryOptions(), enabled: isMember, refetchInterval: 30_000 });
  const unread = workspaces.data?.reduce((n, w) => n + w.unread, 0) ?? 0;
  const visible = SECTIONS.filter((s) => (!s.roles || s.roles.includes(user.role)) && (!s.kind || s.kind === user.orgKind));
  const linkOf = (s: (typeof SECTIONS)[number], size?: 'sm') => (
    <Anchor
      key={s.href}
      component={Link}
      href={s.href}
      onClick={close}
      fw={pathname === s.href || (s.href === '/quality' && pathname.startsWith('/quality/')) ? 700 : 400}
      c={pathname === s.href || (s.href === '/quality' && pathname.startsWith('/quality/')) ? 'teal.9' : 'dark'}
      underline="never"
      size={size}
    >
      {t(s.label)}
      {s.href === '/workspace' && unread > 0 && <Badge ml={4} size="xs" color="red" data-testid="nav-unread">{unread}</Badge>}
    </Anchor>
  );
  const links = visible.filter((s) => !s.admin).map((s) => linkOf(s));
  const adminLinks = visible.filter((s) => s.admin).map((s) => linkOf(s, 'sm'));
  const who = (
    <Group gap="xs" data-testid="signed-in-as">
      <Text size="sm" fw={600}>{user.name}</Text>
      <Badge variant="light">{t(`role.${user.role}`)}</Badge>
      <Text size="sm" c="dimmed" data-testid="organization">{user.orgName}</Text>
    </Group>
  );
  const signOutButton = (
    <Button variant="default" size="xs" onClick={() => signOut({ callbackUrl: '/signin' })}>
      {t('nav.signout')}
    </Button>
  );
  return (
    <Box component="header" px="md" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" mih={48}>
        <Group gap="lg">
          <Text fw={800} c="teal.9">Relais</Text>
          <Group gap="md" visibleFrom="sm">{links}</Group>
        </Group>
        <Group gap="md" visibleFrom="sm">
          {who}
          <LanguageSwitch />
          {signOutButton}
        </Group>
        <Burger opened={opened} onClick={toggle} hiddenFrom="sm" aria-label={t('nav.menu')} />
      </Group>
      {adminLinks.length > 0 && (
        <Group gap="md" pb={6} visibleFrom="sm" data-testid="nav-admin">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('nav.administration')}</Text>
          {adminLinks}
        </Group>
      )}
      <Drawer opened={opened} onClose={close} position="right" size="xs">
        <Stack>
          {who}
          {links}
          {adminLinks.length > 0 && <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('nav.administration')}</Text>}
          {adminLinks}
          <LanguageSwitch />
          {signOutButton}
        </Stack>
      </Drawer>
    </Box>
  );
}
