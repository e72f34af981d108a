'use client';
// A one-time link just issued: shown once, to copy and hand over; its expiry said.
import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';

export function OneTimeLink({ link, email, onClose }: { link: { path: string; expiresAt: number }; email: string; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const url = typeof window === 'undefined' ? link.path : `${window.location.origin}${link.path}`;
  const until = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(link.expiresAt));
  return (
    <Alert color="yellow" title={t('people.link.title', { email })} withCloseButton onClose={onClose} data-testid="one-time-link">
      <Text size="sm" mb="xs">{t('people.link.lead', { until })}</Text>
      <Group wrap="nowrap" align="center">
        <Code style={{ wordBreak: 'break-all' }} data-testid="one-time-link-url">{url}</Code>
        <CopyButton value={url}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('people.link.copied') : t('people.link.copy')}</Button>}</CopyButton>
      </Group>
    </Alert>
  );
}
