'use client';
// The campaign's script beside the call, with the contact's fields filled in and its sections to jump between.
import { Anchor, Group, Paper, ScrollArea, Text, Title } from '@mantine/core';
import ReactMarkdown from 'react-markdown';
import { useT } from '@/app/i18n/client';
import { fillScript, scriptSections } from './script';

export function DeskScript({ script, fields }: { script: string; fields: Record<string, string | undefined> | null }) {
  const t = useT();
  const sections = scriptSections(script);
  let heading = 0;
  // Each heading gets the id its section link points to, in document order.
  const anchored = { h1: Heading, h2: Heading };
  function Heading({ children }: { children?: React.ReactNode }) {
    const id = `section-${heading++}`;
    return <Title order={5} id={id} mt="sm">{children}</Title>;
  }
  return (
    <Paper withBorder p="md" data-testid="desk-script">
      <Title order={4}>{t('desk.script')}</Title>
      {!script.trim() ? <Text c="dimmed" size="sm">{t('desk.noScript')}</Text> : (
        <>
          {sections.length > 1 && (
            <Group gap="xs" my="xs">
              {sections.map((s) => <Anchor key={s.id} size="sm" href={`#${s.id}`}>{s.title}</Anchor>)}
            </Group>
          )}
          <ScrollArea.Autosize mah={420}>
            <ReactMarkdown components={anchored}>{fillScript(script, fields)}</ReactMarkdown>
          </ScrollArea.Autosize>
        </>
      )}
    </Paper>
  );
}
