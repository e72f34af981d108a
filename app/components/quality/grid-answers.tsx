'use client';
// A grid's criteria to answer (or read): yes / no / N/A, or 0…n on a scale, with guidance and the eliminatory mark.
import { Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { Answer, Answers, Criterion, Section } from '@/server/quality/grid';

function choices(c: Criterion, t: ReturnType<typeof useT>) {
  const na = { value: 'na', label: t('evaluate.na') };
  if (c.answer === 'yes_no') return [{ value: 'yes', label: t('evaluate.yes') }, { value: 'no', label: t('evaluate.no') }, na];
  return [...Array.from({ length: c.max + 1 }, (_, i) => ({ value: String(i), label: String(i) })), na];
}

const asValue = (a: Answer | undefined) => (a === undefined ? '' : String(a));
const fromValue = (c: Criterion, v: string): Answer => (v === 'na' || c.answer === 'yes_no' ? (v as Answer) : Number(v));

export function GridAnswers({ sections, answers, onChange }: { sections: Section[]; answers: Answers; onChange?: (answers: Answers) => void }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {sections.map((s) => (
        <Paper key={s.id} withBorder p="sm">
          <Title order={5} mb={4}>{s.title}</Title>
          <Stack gap="xs">
            {s.criteria.map((c) => (
              <div key={c.id} data-testid={`criterion-${c.id}`}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} component="div">{c.label} {c.eliminatory && <Badge size="xs" color="red" variant="light">{t('evaluate.eliminatory')}</Badge>}</Text>
                    <Text size="xs" c="dimmed">{t('evaluate.weight', { weight: String(c.weight).replace('.', ',') })}{c.guidance ? ` · ${c.guidance}` : ''}</Text>
                  </div>
                  <SegmentedControl
                    style={{ flexShrink: 0 }}
                    size="xs"
                    readOnly={!onChange}
                    value={asValue(answers[c.id])}
                    onChange={(v) => onChange?.({ ...answers, [c.id]: fromValue(c, v) })}
                    data={choices(c, t)}
                  />
                </Group>
              </div>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
