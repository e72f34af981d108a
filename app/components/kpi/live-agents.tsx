'use client';
// The supervisor's per-agent view of the live page: each agent of the campaign with its state (and pause reason),
// the time in it and its current call counting every second, today's calls and AHT; sortable by each column.
import { useMemo, useState } from 'react';
import { Alert, Badge, Card, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';
import { messages, type MessageKey } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/trpc/types';
import { noDialerText } from '@/app/components/dialer/idle-text';
import { AGENT_STATE_COLORS, AGENT_STATE_ORDER } from '../agent-state-style';
import { countedSeconds, useNow } from './clock';
import { formatDuration, formatKpi } from './format';
import { compareNames } from '@/server/people/name-order';

type Row = RouterOutputs['kpi']['liveAgents']['rows'][number];
type SortKey = 'name' | 'state' | 'inState' | 'call' | 'callsToday' | 'aht';

const stateRank = (r: Row) => (r.state === null ? AGENT_STATE_ORDER.length : AGENT_STATE_ORDER.indexOf(r.state));
/** What each column sorts by; null values last whichever the direction. */
const SORT: Record<SortKey, (r: Row) => number | string | null> = {
  name: (r) => r.name,
  state: stateRank,
  inState: (r) => r.stateSeconds,
  call: (r) => r.call?.seconds ?? null,
  callsToday: (r) => r.callsToday,
  aht: (r) => r.ahtSeconds,
};

export function liveAgentsOptions(trpc: ReturnType<typeof useTRPC>, campaignId: string) {
  // The push refetches it on each change of the campaign; states on no campaign (a pause) push nothing, hence the poll.
  return trpc.kpi.liveAgents.queryOptions({ campaignId }, { refetchInterval: 5_000, staleTime: 0 });
}

export function LiveAgents({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const query = useQuery(liveAgentsOptions(trpc, campaignId));
  const now = useNow();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'state', desc: false });
  const rows = useMemo(() => {
    const list = [...(query.data?.rows ?? [])];
    const value = SORT[sort.key];
    list.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return x === y ? compareNames(a.agent, b.agent) : x === null ? 1 : -1;
      const c = typeof x === 'string' ? compareNames(x, String(y)) : x - (y as number);
      return (sort.desc ? -c : c) || compareNames(a.agent, b.agent);
    });
    return list;
  }, [query.data, sort]);
  const header = (key: SortKey, label: string) => (
    <Table.Th key={key} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton fw={700} fz="sm" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))} data-testid={`live-sort-${key}`}>
        {label} {sort.key === key ? (sort.desc ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  // « 17 min 52 », not « 17:52 »: a duration in a table of agents must not read as a time of day.
  const counted = (seconds: number | null) => (seconds === null ? '—' : formatDuration(countedSeconds(seconds, query.dataUpdatedAt, now)));
  const pause = (reason: string | null) => {
    if (!reason) return null;
    const key = `desk.pause.${reason}`;
    return key in messages.fr ? t(key as MessageKey) : reason;
  };

  return (
    <Card withBorder data-testid="live-agents">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb="xs">{t('live.agents.title')}</Text>
      {query.isPending ? <Loader size="sm" /> : query.isError ? <Text c="red">{t('common.error')}</Text> : (
        <>
          {query.data.noDialer !== null && (
            <Alert color="blue" variant="light" mb="sm" data-testid="live-agents-no-dialer">{t('live.agents.noDialer', { reason: noDialerText(query.data.noDialer, locale) })}</Alert>
          )}
          {rows.length === 0 ? <Text c="dimmed" size="sm">{t('live.agents.empty')}</Text> : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="live-agents-table">
                <Table.Thead>
                  <Table.Tr>
                    {header('name', t('live.agents.agent'))}
                    {header('state', t('live.agents.state'))}
                    {header('inState', t('live.agents.inState'))}
                    {header('call', t('live.agents.call'))}
                    {header('callsToday', t('live.agents.callsToday'))}
                    {header('aht', t('live.agents.aht'))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.agent} data-testid="live-agent-row" data-agent={r.agent} data-state={r.state ?? 'unknown'}>
                      <Table.Td>{r.name} <Text span size="xs" c="dimmed">{r.agent}</Text></Table.Td>
                      <Table.Td>
                        {r.state === null ? <Text size="sm" c="dimmed">{t('live.agents.unseen')}</Text> : (
                          <Badge color={AGENT_STATE_COLORS[r.state]} variant="light">
                            {t(`state.${r.state}`)}{r.pauseReason ? ` · ${pause(r.pauseReason)}` : ''}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace" data-testid="live-agent-in-state">{counted(r.stateSeconds)}</Table.Td>
                      <Table.Td>
                        {r.call ? (
                          <Text size="sm">
                            <Text span ff="monospace" data-testid="live-agent-call">{counted(r.call.seconds)}</Text>{' · '}
                            {r.call.campaignName ?? t('live.agents.otherCampaign')}
                          </Text>
                        ) : '—'}
                      </Table.Td>
                      <Table.Td>{formatKpi('connected', r.callsToday, locale)}</Table.Td>
                      <Table.Td>{formatKpi('aht_seconds', r.ahtSeconds, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Card>
  );
}
