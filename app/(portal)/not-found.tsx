'use client';
// A page, campaign or record that does not exist or is not the user's to see: said in the user's language, under
// the navigation, with the way home.
import Link from 'next/link';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';

export default function NotFound() {
  const t = useT();
  return (
    <Stack gap="sm" align="flex-start" data-testid="not-found">
      <Title order={2}>{t('notFound.title')}</Title>
      <Text c="dimmed">{t('notFound.lead')}</Text>
      <Button component={Link} href="/">{t('notFound.home')}</Button>
    </Stack>
  );
}
