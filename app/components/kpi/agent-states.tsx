'use client';
// Agents by their current state, as a bar chart.
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';

const ORDER = ['available', 'ringing', 'on_call', 'wrapup', 'paused', 'offline'] as const;
const COLOR: Record<(typeof ORDER)[number], string> = {
  available: 'green', ringing: 'yellow', on_call: 'teal', wrapup: 'blue', paused: 'orange', offline: 'gray',
};

export function AgentStates({ byState }: { byState: Record<string, number> }) {
  const t = useT();
  const data = ORDER.map((state) => ({ state, label: t(`state.${state}` as MessageKey), agents: byState[state] ?? 0 }));
  if (data.every((d) => d.agents === 0)) return <Text c="dimmed" size="sm">{t('live.noAgents')}</Text>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} layout="vertical" margin={{ left: 16, right: 16 }}>
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={90} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="agents" isAnimationActive={false}>
          {data.map((d) => <Cell key={d.state} fill={`var(--mantine-color-${COLOR[d.state]}-6)`} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
