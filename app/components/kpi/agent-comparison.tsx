'use client';
// Agents × KPIs over a range: filters by campaign and team, sortable columns, a bar per value, CSV export.
import { useMemo, useState } from 'react';
import { Button, Group, Loader, MultiSelect, Progress, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { addDays, format, startOfDay, subDays } from 'date-fns';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { AGENT_COLUMNS, kpiCsv } from '@/server/kpi/csv';
import { downloadBlob, downloadText, XLSX_TYPE } from '@/app/components/download';
import { kpiXlsx } from './kpi-xlsx';
import { formatKpi, type KpiKey } from './format';
import { Figure } from '@/app/components/home/figure';
import { targetOf, type Targets } from '@/server/kpi/kpi-targets';
import { DayInput } from '@/app/components/day-input/day-input';
import { compareNames } from '@/server/people/name-order';

/** The agent column, kept at the left edge of the scrolled table (the page's background, so figures pass under it). */
const PINNED: React.CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', boxShadow: 'inset -1px 0 var(--mantine-color-gray-3)' };

export function AgentComparison() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const [fromDay, setFromDay] = useState(format(subDays(new Date(), 6), 'yyyy-MM-dd'));
  const [toDay, setToDay] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [campaignIds, setCampaignIds] = useState<string[]>([]);
  const [team, setTeam] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: KpiKey | 'name'; desc: boolean }>({ key: 'connected', desc: true });
  // Days of the viewer's browser: the comparison spans campaigns, which may not share a zone.
  const from = startOfDay(new Date(`${fromDay}T00:00:00`)).getTime();
  const to = addDays(startOfDay(new Date(`${toDay}T00:00:00`)), 1).getTime();
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const data = useQuery({ ...trpc.kpi.agents.queryOptions({ from, to, campaignIds, team: team ?? undefined }), enabled: to > from });

  const rows = useMemo(() => {
    const list = [...(data.data?.rows ?? [])];
    list.sort((a, b) => {
      if (sort.key === 'name') return compareNames(a.name, b.name) * (sort.desc ? -1 : 1);
      const x = a.kpis[sort.key] ?? -Infinity;
      const y = b.kpis[sort.key] ?? -Infinity;
      return (x - y) * (sort.desc ? -1 : 1);
    });
    return list;
  }, [data.data, sort]);
  const targets = data.data?.targets;
  const max = (key: KpiKey) => Math.max(0, ...rows.map((r) => Math.abs(r.kpis[key] ?? 0)));
  // A figure sorts highest first on its first click, a name from A.
  const header = (key: KpiKey | 'name', label: string) => (
    // Wide enough that a long label (« Appels par heure-agent ») holds on two lines.
    <Table.Th key={key} miw={key === 'name' ? undefined : 115} style={key === 'name' ? PINNED : undefined}>
      <UnstyledButton fw={700} fz="sm" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))} data-testid={`sort-${key}`}>
        {label} {sort.key === key ? (sort.desc ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label={t('report.from')} value={fromDay} onChange={setFromDay} data-testid="agents-from" />
        <DayInput label={t('report.to')} value={toDay} onChange={setToDay} data-testid="agents-to" />
        <MultiSelect label={t('agents.campaigns')} placeholder={t('agents.allCampaigns')} value={campaignIds} onChange={setCampaignIds} w={320} clearable
          data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.code }))} />
        <Select label={t('agents.team')} placeholder={t('agents.allTeams')} value={team} onChange={setTeam} clearable w={200} data={data.data?.teams ?? []} />
        <Button variant="light" disabled={!data.data} data-testid="agents-export"
          onClick={() => downloadText(`relais-agents-${fromDay}-${toDay}.csv`, kpiCsv(t('agents.agent'), rows.map((r) => ({ label: `${r.agent} ${r.name}`, values: r.kpis })), AGENT_COLUMNS, { locale, header: (c) => t(`kpi.${c}` as MessageKey) }))}>
          {t('report.export')}
        </Button>
        <Button variant="light" disabled={!data.data} data-testid="agents-export-xlsx"
          onClick={async () => {
            const book = await kpiXlsx(t('agents.agent'), t('agents.agent'), rows.map((r) => ({ label: `${r.agent} ${r.name}`, values: r.kpis })), AGENT_COLUMNS, (c) => t(`kpi.${c}` as MessageKey));
            downloadBlob(`relais-agents-${fromDay}-${toDay}.xlsx`, new Blob([book], { type: XLSX_TYPE }));
          }}>
          {t('report.exportXlsx')}
        </Button>
      </Group>
      {to <= from ? <Text c="red" role="alert" data-testid="range-inverted">{t('report.rangeInverted')}</Text> : data.isPending ? <Loader size="sm" /> : data.isError ? <Text c="red">{t('common.error')}</Text> : rows.length === 0 ? <Text c="dimmed">{t('agents.empty')}</Text> : (
        // Wider than a laptop: the scrollbar always shows, and the agent's name stays in view while the figures scroll.
        <Table.ScrollContainer minWidth={1900} scrollAreaProps={{ type: 'always', offsetScrollbars: 'x' }} data-testid="agents-scroll">
          <Table striped highlightOnHover data-testid="agents-table">
            <Table.Thead>
              <Table.Tr>
                {header('name', t('agents.agent'))}
                <Table.Th>{t('agents.team')}</Table.Th>
                {AGENT_COLUMNS.map((c) => header(c, t(`kpi.${c}` as MessageKey)))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.agent} data-testid="agent-row">
                  <Table.Td style={{ whiteSpace: 'nowrap', ...PINNED }}>{r.name} <Text span size="xs" c="dimmed">{r.agent}</Text></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.team}</Table.Td>
                  {AGENT_COLUMNS.map((c) => {
                    const top = max(c);
                    const v = r.kpis[c];
                    const goal = targetOf(c, targets);
                    return (
                      <Table.Td key={c} miw={90}>
                        <Figure kpi={c} value={v} target={goal} size="sm" fw={goal === null ? 400 : 700} testId={`agent-${r.agent}-${c}`} />
                        {v !== null && top > 0 && <Progress aria-hidden size="xs" value={(100 * Math.abs(v)) / top} color="teal" />}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.data && rows.length > 0 && <TargetsNote targets={data.data.targets} />}
      <Text size="xs" c="dimmed">{t('agents.resolutionNote')}</Text>
      <Text size="xs" c="dimmed">{t('agents.attemptsNote')}</Text>
    </Stack>
  );
}

/** Which targets colour the table: those every compared campaign shares, or why none does. */
function TargetsNote({ targets }: { targets: Targets }) {
  const t = useT();
  const [locale] = useLocale();
  const read = AGENT_COLUMNS.map((c) => ({ c, goal: targetOf(c, targets) })).filter((x): x is { c: KpiKey; goal: number } => x.goal !== null);
  if (!read.length) return <Text size="xs" c="dimmed" data-testid="agents-targets">{t('agents.noSharedTargets')}</Text>;
  const list = read.map(({ c, goal }) => `${t(`kpi.${c}` as MessageKey)} ${formatKpi(c, goal, locale)}`).join(' · ');
  return <Text size="xs" c="dimmed" data-testid="agents-targets">{t('agents.sharedTargets', { list })}</Text>;
}
