'use client';
// Sets a password with a one-time link: the rules listed (and checked as you type, the server checks them again),
// a used, expired or unknown link said plainly, then on to sign-in.
import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Center, Group, List, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { LanguageSwitch } from '@/app/components/language-switch';
import { passwordProblems, type PasswordRule } from '@/server/people/password-rules';

const RULES: PasswordRule[] = ['error.password.short', 'error.password.email', 'error.password.repeated'];

export function SetPasswordForm({ token, state, email, purpose }: { token: string; state: 'valid' | 'used' | 'expired' | 'unknown'; email: string; purpose: 'create' | 'reset' }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<MessageKey | null>(state === 'valid' ? null : `error.link.${state}`);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const broken = new Set(password ? passwordProblems(password, email) : RULES);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (password !== confirm) return setError(t('people.password.mismatch'));
    setBusy(true);
    const res = await fetch('/api/set-password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) });
    setBusy(false);
    if (res.ok) return setDone(true);
    const body = (await res.json().catch(() => ({}))) as { key?: string; problems?: string[] };
    if (body.key?.startsWith('error.link.')) return setLinkError(body.key as MessageKey);
    setError((body.problems?.length ? body.problems : [body.key ?? 'common.error']).map((k) => t(k as MessageKey)).join(' '));
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>Relais</Title>
              <Text size="sm" c="dimmed">{t('app.tagline')}</Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Title order={4}>{t(purpose === 'reset' ? 'people.password.resetTitle' : 'people.password.title')}</Title>
          {linkError ? (
            <Alert color="red" role="alert" data-testid="link-refused">{t(linkError)}</Alert>
          ) : done ? (
            <Alert color="teal" data-testid="password-set">
              {t('people.password.done')} <Anchor component={Link} href="/signin">{t('signin.submit')}</Anchor>
            </Alert>
          ) : (
            <form onSubmit={submit}>
              <Stack>
                <Text size="sm">{t('people.password.for', { email })}</Text>
                <div>
                  <Text size="sm" fw={600}>{t('people.password.rules')}</Text>
                  <List size="sm" spacing={2} data-testid="password-rules">
                    {RULES.map((r) => (
                      <List.Item key={r} icon={<ThemeIcon size={16} radius="xl" color={broken.has(r) ? 'gray' : 'teal'}>{broken.has(r) ? '·' : '✓'}</ThemeIcon>}>{t(r)}</List.Item>
                    ))}
                  </List>
                </div>
                {error && <Alert color="red" role="alert">{error}</Alert>}
                <PasswordInput label={t('people.password.new')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" required data-testid="new-password" />
                <PasswordInput label={t('people.password.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} autoComplete="new-password" required data-testid="confirm-password" />
                <Button type="submit" loading={busy}>{t('people.password.submit')}</Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
