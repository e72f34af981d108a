'use client';
// Agents by their current state, as a bar chart.
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { AGENT_STATE_COLORS, AGENT_STATE_ORDER, type AgentState } from '../agent-state-style';

export function AgentStates({ byState }: { byState: Partial<Record<AgentState, number>> }) {
  const t = useT();
  const data = AGENT_STATE_ORDER.map((state) => ({ state, label: t(`state.${state}`), agents: byState[state] ?? 0 }));
  if (data.every((d) => d.agents === 0)) return <Text c="dimmed" size="sm">{t('live.noAgents')}</Text>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} layout="vertical" margin={{ left: 16, right: 16 }}>
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={90} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="agents" isAnimationActive={false}>
          {data.map((d) => <Cell key={d.state} fill={`var(--mantine-color-${AGENT_STATE_COLORS[d.state]}-6)`} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
