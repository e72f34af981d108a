'use client';
// A home's figures section: its title and lead, then the campaigns' figures once they came (`home.figures`, every
// minute), or what stands in for them: loading, the error, no campaign.
import type { ReactNode } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import type { RouterOutputs } from '@/app/trpc/types';

export type HomeFigures = RouterOutputs['home']['figures'];

export function FiguresSection({ testId, title, lead, children }: {
  testId: string; title: string; lead: string; children: (figures: HomeFigures) => ReactNode;
}) {
  const t = useT();
  const trpc = useTRPC();
  const figures = useQuery(trpc.home.figures.queryOptions(undefined, { refetchInterval: 60_000 }));
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={4}>{title}</Title>
      <Text size="sm" c="dimmed">{lead}</Text>
      {figures.isPending ? <Loader size="sm" /> : figures.isError ? <Text c="red">{t('home.figures.error')}</Text>
        : figures.data.campaigns.length === 0 ? <Text c="dimmed">{t('home.figures.empty')}</Text> : children(figures.data)}
    </Stack>
  );
}
