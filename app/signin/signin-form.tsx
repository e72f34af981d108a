'use client';
// The credentials form; a failure says the same thing whatever was wrong.
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { LanguageSwitch } from '@/app/components/language-switch';

export function SignInForm() {
  const t = useT();
  const router = useRouter();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailed(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace('/');
      router.refresh();
    } else {
      const throttled = /^throttled:(\d+)$/.exec(result?.error ?? '');
      setFailed(throttled ? t('signin.throttled', { minutes: String(Math.ceil(Number(throttled[1]) / 60)) })
        : result?.error === 'deactivated' ? t('error.accountInactive') : t('signin.failed'));
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>Relais</Title>
                <Text size="sm" c="dimmed">{t('app.tagline')}</Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={4}>{t('signin.title')}</Title>
            {failed && <Alert color="red" role="alert">{failed}</Alert>}
            <TextInput name="email" type="email" label={t('signin.email')} autoComplete="username" required />
            <PasswordInput name="password" label={t('signin.password')} autoComplete="current-password" required />
            <Button type="submit" loading={busy}>{t('signin.submit')}</Button>
            <Text size="xs" c="dimmed">{t('signin.demo')}</Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
