'use client';
// The customer's survey, mobile first: a 0–10 score (two rows of buttons on a phone), resolved yes/no, a comment,
// then thanks. A refused link (answered, expired, unknown) is said plainly and the form is not shown.
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';

type State = 'open' | 'answered' | 'expired' | 'unknown';
const REFUSED: Record<Exclude<State, 'open'>, MessageKey> = {
  answered: 'survey.public.answered', expired: 'survey.public.expired', unknown: 'survey.public.unknown',
};
const scoreColor = (s: number) => (s <= 6 ? 'red' : s <= 8 ? 'yellow' : 'teal');

export function SurveyForm({ token, state: initial, clientName, commentMax }: { token: string; state: State; clientName: string; commentMax: number }) {
  const t = useT();
  const [state, setState] = useState<State | 'thanks'>(initial);
  const [score, setScore] = useState<number | null>(null);
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (score === null) return setError('survey.public.pickScore');
    setError(null);
    setBusy(true);
    try {
      const res = await fetch('/api/surveys/answer', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score, resolved, comment }),
      });
      const body = (await res.json().catch(() => ({}))) as { state?: State };
      if (res.ok) setState('thanks');
      else if (body.state && body.state !== 'open') setState(body.state);
      else setError('survey.public.error');
    } catch {
      setError('survey.public.error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100dvh" p="sm" bg="gray.0">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={560} component="main">
        <Stack gap="lg">
          <Title order={2} size="h3">{t('survey.public.title')}</Title>
          {state === 'thanks' ? (
            <Alert color="teal" data-testid="survey-thanks">{t('survey.public.thanks')}</Alert>
          ) : state !== 'open' ? (
            <Alert color={state === 'answered' ? 'blue' : 'red'} role="alert" data-testid="survey-refused">{t(REFUSED[state])}</Alert>
          ) : (
            <form onSubmit={submit}>
              <Stack gap="xl">
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <Text component="legend" fw={600} mb="sm">{t('survey.public.recommend', { client: clientName })}</Text>
                  <SimpleGrid cols={{ base: 6, xs: 11 }} spacing={6} verticalSpacing={6} role="radiogroup">
                    {Array.from({ length: 11 }, (_, s) => (
                      <UnstyledButton
                        key={s} role="radio" aria-checked={score === s} aria-label={String(s)} onClick={() => setScore(s)}
                        data-testid={`score-${s}`}
                        style={{
                          height: 44, borderRadius: 8, textAlign: 'center', fontWeight: 600,
                          border: `2px solid var(--mantine-color-${scoreColor(s)}-6)`,
                          background: score === s ? `var(--mantine-color-${scoreColor(s)}-6)` : 'white',
                          color: score === s ? 'white' : 'var(--mantine-color-dark-7)',
                        }}
                      >{s}</UnstyledButton>
                    ))}
                  </SimpleGrid>
                  <Group justify="space-between" mt={4}>
                    <Text size="xs" c="dimmed">{t('survey.public.recommendLow')}</Text>
                    <Text size="xs" c="dimmed">{t('survey.public.recommendHigh')}</Text>
                  </Group>
                </fieldset>
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <Text component="legend" fw={600} mb="sm">{t('survey.public.resolved')}</Text>
                  <Group grow role="radiogroup">
                    {([true, false] as const).map((v) => (
                      <Button key={String(v)} size="md" role="radio" aria-checked={resolved === v} variant={resolved === v ? 'filled' : 'default'}
                        onClick={() => setResolved(resolved === v ? null : v)} data-testid={`resolved-${v ? 'yes' : 'no'}`}>
                        {t(v ? 'survey.public.yes' : 'survey.public.no')}
                      </Button>
                    ))}
                  </Group>
                </fieldset>
                <Box>
                  <Textarea label={t('survey.public.comment')} value={comment} maxLength={commentMax} autosize minRows={3} maxRows={8}
                    onChange={(e) => setComment(e.currentTarget.value)} data-testid="survey-comment" />
                  <Text size="xs" c="dimmed" ta="right">{t('survey.public.commentCount', { n: String(comment.length), max: String(commentMax) })}</Text>
                </Box>
                {error && <Alert color="red" role="alert">{t(error)}</Alert>}
                <Button type="submit" size="lg" loading={busy} data-testid="survey-submit">{t('survey.public.submit')}</Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
