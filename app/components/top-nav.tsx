'use client';
// The top navigation, on one line at 1366 px: the role's sections (grouped in menus when there are too many to sit
// side by side), the administration pages in one menu, and who is signed in (organization, language and sign-out
// in their menu). On a phone, everything in a drawer.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { Anchor, Badge, Box, Burger, Button, Drawer, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SessionUser } from '@/server/auth/session-user';
import { useT } from '@/app/i18n/client';
import { LanguageSwitch } from './language-switch';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { navOf, type NavEntry, type NavLink } from './nav-sections';

const isCurrent = (pathname: string, href: string) => pathname === href || (href === '/quality' && pathname.startsWith('/quality/'));

export function TopNav({ user }: { user: SessionUser }) {
  const t = useT();
  const pathname = usePathname();
  const [opened, { toggle, close }] = useDisclosure(false);
  const trpc = useTRPC();
  const nav = navOf(user);
  const workspaces = useQuery({ ...trpc.workspace.activity.workspaces.queryOptions(), enabled: nav.isMember, refetchInterval: 30_000 });
  const unread = workspaces.data?.reduce((n, w) => n + w.unread, 0) ?? 0;
  const unreadBadge = (s: NavLink) => s.href === '/workspace' && unread > 0 && <Badge ml={4} size="xs" color="red" data-testid="nav-unread">{unread}</Badge>;

  const linkOf = (s: NavLink, size?: 'sm') => (
    <Anchor key={s.href} component={Link} href={s.href} onClick={close} underline="never" size={size}
      fw={isCurrent(pathname, s.href) ? 700 : 400} c={isCurrent(pathname, s.href) ? 'teal.9' : 'dark'}
      aria-current={isCurrent(pathname, s.href) ? 'page' : undefined}>
      {t(s.label)}
      {unreadBadge(s)}
    </Anchor>
  );
  const menuOf = (label: NavEntry & { kind: 'group' }) => {
    const current = label.links.some((s) => isCurrent(pathname, s.href));
    return (
      <Menu key={label.label} position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton data-testid={`nav-group-${label.id}`} fw={current ? 700 : 400} c={current ? 'teal.9' : 'dark'}>
            {t(label.label)} ▾
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          {label.links.map((s) => (
            <Menu.Item key={s.href} component={Link} href={s.href} fw={isCurrent(pathname, s.href) ? 700 : 400}>
              {t(s.label)}
              {unreadBadge(s)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  };
  const entries = nav.entries.map((e) => (e.kind === 'link' ? linkOf(e) : menuOf(e)));
  const signOutButton = (
    <Button variant="default" size="xs" onClick={() => signOut({ callbackUrl: '/signin' })}>
      {t('nav.signout')}
    </Button>
  );
  const organization = <Text size="sm" c="dimmed" data-testid="organization">{user.orgName}</Text>;
  const who = (
    <Group gap="xs" data-testid="signed-in-as" wrap="nowrap">
      <Text size="sm" fw={600}>{user.name}</Text>
      <Badge variant="light">{t(`role.${user.role}`)}</Badge>
    </Group>
  );
  return (
    <Box component="header" px="md" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" mih={48} wrap="nowrap">
        <Group gap="lg" wrap="nowrap">
          <Text fw={800} c="teal.9">Relais</Text>
          <Group gap="md" visibleFrom="sm" wrap="nowrap" component="nav" aria-label={t('nav.main')}>{entries}</Group>
        </Group>
        <Group gap="md" visibleFrom="sm" wrap="nowrap">
          {organization}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label={t('nav.account')} data-testid="nav-account">
                <Group gap={4} wrap="nowrap">{who}<Text size="sm" aria-hidden>▾</Text></Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('nav.language')}</Menu.Label>
              <Box px="sm" pb="xs"><LanguageSwitch /></Box>
              <Menu.Divider />
              <Menu.Item onClick={() => signOut({ callbackUrl: '/signin' })}>{t('nav.signout')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Burger opened={opened} onClick={toggle} hiddenFrom="sm" aria-label={t('nav.menu')} />
      </Group>
      <Drawer opened={opened} onClose={close} position="right" size="xs">
        <Stack>
          {who}
          {organization}
          {nav.flat.filter((s) => !s.admin).map((s) => linkOf(s))}
          {nav.flat.some((s) => s.admin) && <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('nav.administration')}</Text>}
          {nav.flat.filter((s) => s.admin).map((s) => linkOf(s, 'sm'))}
          <LanguageSwitch />
          {signOutButton}
        </Stack>
      </Drawer>
    </Box>
  );
}
