'use client';
// An agent's training material: the documents of the campaigns they work on, each acknowledged once read.
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { useWhen } from '@/app/components/workspace/format';

export default function TrainingPage() {
  const t = useT();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const docs = useQuery(trpc.workspace.training.mine.queryOptions());
  const ack = useMutation(trpc.workspace.training.acknowledge.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.workspace.training.mine.queryKey() }) }));
  return (
    <Stack>
      <div>
        <Title order={2}>{t('training.mine')}</Title>
        <Text c="dimmed" size="sm">{t('training.mineLead')}</Text>
      </div>
      {docs.data?.length === 0 && <Alert color="gray">{t('training.empty')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {docs.data?.map((d) => (
          <Card key={d.id} withBorder data-testid={`my-training-${d.title}`}>
            <Group justify="space-between" mb={4}>
              <Text fw={700}>{d.title}</Text>
              <Badge variant="light">{t(`training.kind.${d.kind}`)}</Badge>
            </Group>
            <Text size="xs" c="dimmed">{d.created_by_name}, {when(d.created_at)}</Text>
            <Group mt="md">
              <Anchor href={d.file_id ? `/api/files/${d.file_id}` : d.url} target={d.file_id ? undefined : '_blank'} rel="noreferrer">{t('training.open')}</Anchor>
              {d.acknowledged_at ? (
                <Badge color="teal" data-testid="acknowledged">{t('training.acknowledged', { when: when(d.acknowledged_at) })}</Badge>
              ) : (
                <Button size="xs" onClick={() => ack.mutate({ documentId: d.id })} loading={ack.isPending} data-testid="acknowledge">{t('training.acknowledge')}</Button>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
