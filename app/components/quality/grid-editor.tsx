'use client';
// /quality/grids: a campaign's grid (sections, criteria with weight, answer type, eliminatory flag, guidance); saving
// makes a new version; the versions listed; the sampling setting (N calls per agent per week).
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Grid, Group, Loader, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { defaultSections, type Criterion, type Section } from '@/server/quality/grid';
import { formatWhen } from './format';

let fresh = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${++fresh}`;

export function GridEditor() {
  const t = useT();
  const { campaign, picker, empty } = useSelectedCampaign();
  if (empty) return <Text c="dimmed">{t('quality.noCampaign')}</Text>;
  return <Stack><Group>{picker}</Group>{campaign ? <CampaignGrid key={campaign.id} campaignId={campaign.id} direction={campaign.direction} /> : <Loader size="sm" />}</Stack>;
}

function CampaignGrid({ campaignId, direction }: { campaignId: string; direction: 'inbound' | 'outbound' }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const grid = useQuery(trpc.quality.grid.queryOptions({ campaignId }));
  const [name, setName] = useState('');
  const [sections, setSections] = useState<Section[] | null>(null);
  const [perAgent, setPerAgent] = useState<number | string>(2);
  useEffect(() => {
    if (!grid.data || sections) return;
    const newest = grid.data.versions[0];
    setName(newest?.name ?? t('grids.title'));
    setSections(newest?.sections ?? defaultSections(direction));
    setPerAgent(grid.data.perAgentWeek);
  }, [grid.data, sections, direction, t]);
  const invalidate = () => client.invalidateQueries({ queryKey: trpc.quality.pathKey() });
  const save = useMutation(trpc.quality.saveGrid.mutationOptions({ onSuccess: invalidate }));
  const sampling = useMutation(trpc.quality.setSampling.mutationOptions({ onSuccess: invalidate }));

  if (!grid.data || !sections) return grid.isError ? <Text c="red">{errorText(grid.error)}</Text> : <Loader size="sm" />;
  const setSection = (i: number, s: Section) => setSections(sections.map((x, j) => (j === i ? s : x)));
  const setCriterion = (i: number, k: number, c: Partial<Criterion>) => setSection(i, { ...sections[i]!, criteria: sections[i]!.criteria.map((x, j) => (j === k ? { ...x, ...c } : x)) });

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <Title order={4}>{t('grids.title')}</Title>
          <Text size="sm" c="dimmed">{t('grids.lead')}</Text>
          {grid.data.versions.length === 0 && <Alert color="blue">{t('grids.none')}</Alert>}
          <TextInput label={t('grids.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={400} data-testid="grid-name" />
          {sections.map((s, i) => (
            <Paper key={s.id} withBorder p="sm" data-testid="grid-section">
              <Group align="flex-end">
                <TextInput label={t('grids.section')} value={s.title} onChange={(e) => setSection(i, { ...s, title: e.currentTarget.value })} style={{ flex: 1 }} />
                <Button variant="subtle" color="red" size="xs" onClick={() => setSections(sections.filter((_, j) => j !== i))} disabled={sections.length === 1}>{t('grids.remove')}</Button>
              </Group>
              <Stack gap="xs" mt="xs">
                {s.criteria.map((c, k) => (
                  <Paper key={c.id} withBorder p="xs" bg="gray.0" data-testid="grid-criterion">
                    <Group align="flex-end" gap="xs">
                      <TextInput size="xs" label={t('grids.label')} value={c.label} onChange={(e) => setCriterion(i, k, { label: e.currentTarget.value })} style={{ flex: 1 }} />
                      <NumberInput size="xs" label={t('grids.weight')} value={c.weight} min={0.5} max={100} step={0.5} decimalSeparator="," w={80} onChange={(v) => setCriterion(i, k, { weight: Number(v) || 1 })} />
                      <Select size="xs" label={t('grids.type')} w={150} value={c.answer} allowDeselect={false}
                        data={[{ value: 'yes_no', label: t('grids.type.yes_no') }, { value: 'scale', label: t('grids.type.scale') }]}
                        onChange={(v) => setCriterion(i, k, { answer: v === 'scale' ? 'scale' : 'yes_no', max: v === 'scale' ? Math.max(c.max, 4) : 1 })} />
                      {c.answer === 'scale' && <NumberInput size="xs" label={t('grids.max')} value={c.max} min={1} max={10} w={110} onChange={(v) => setCriterion(i, k, { max: Number(v) || 1 })} />}
                      <Checkbox size="xs" label={t('grids.eliminatory')} checked={c.eliminatory} onChange={(e) => setCriterion(i, k, { eliminatory: e.currentTarget.checked })} mb={6} />
                      <Button variant="subtle" color="red" size="xs" onClick={() => setSection(i, { ...s, criteria: s.criteria.filter((_, j) => j !== k) })} disabled={s.criteria.length === 1}>{t('grids.remove')}</Button>
                    </Group>
                    <Textarea size="xs" mt={4} label={t('grids.guidance')} value={c.guidance} autosize minRows={1} onChange={(e) => setCriterion(i, k, { guidance: e.currentTarget.value })} />
                  </Paper>
                ))}
                <Button size="xs" variant="light" w="fit-content" onClick={() => setSection(i, { ...s, criteria: [...s.criteria, { id: newId('c'), label: '', guidance: '', weight: 1, answer: 'yes_no', max: 1, eliminatory: false }] })}>{t('grids.addCriterion')}</Button>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => setSections([...sections, { id: newId('s'), title: '', criteria: [{ id: newId('c'), label: '', guidance: '', weight: 1, answer: 'yes_no', max: 1, eliminatory: false }] }])}>{t('grids.addSection')}</Button>
            <Button onClick={() => save.mutate({ campaignId, name, sections })} loading={save.isPending} data-testid="grid-save">{t('grids.save')}</Button>
          </Group>
          {save.isSuccess && <Text c="teal" size="sm" data-testid="grid-saved">{t('grids.saved', { version: String(save.data.version) })}</Text>}
          {save.isError && <Alert color="red">{errorText(save.error)}</Alert>}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack>
          <Paper withBorder p="sm">
            <Title order={5}>{t('grids.sampling')}</Title>
            <NumberInput label={t('grids.sampling.n')} value={perAgent} min={0} max={50} onChange={setPerAgent} data-testid="sampling-n" />
            <Button mt="xs" size="xs" onClick={() => sampling.mutate({ campaignId, perAgentWeek: Number(perAgent) || 0 })} loading={sampling.isPending}>{t('grids.sampling.save')}</Button>
            {sampling.isSuccess && <Text size="xs" c="teal">{t('grids.sampling.saved')}</Text>}
            {sampling.isError && <Text size="xs" c="red">{errorText(sampling.error)}</Text>}
          </Paper>
          <Paper withBorder p="sm">
            <Title order={5}>{t('grids.versions')}</Title>
            {grid.data.versions.length === 0 ? <Text size="sm" c="dimmed">—</Text> : grid.data.versions.map((v) => (
              <Text key={v.version} size="xs" data-testid="grid-version">{t('grids.version', { version: String(v.version), who: v.edited_by_name, when: formatWhen(v.edited_at, locale) })}</Text>
            ))}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
