'use client';
// Today by quarter hour: calls offered (or attempted) and handled as bars, the service level or conversion as a line,
// and the campaign's target for that rate as a dashed line, so a quarter hour under it shows at a glance.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatKpi } from './format';
import { useLocale, useT } from '@/app/i18n/client';
import type { KpiSeriesPoint } from '@/server/kpi/engine';

/**
 * `slots`: every bucket start to show, so quiet quarter hours appear as gaps in the day, not missing. `target`: the
 * campaign's target for the rate drawn (service level inbound, conversion outbound), a fraction.
 */
export function DayCurve({ series, direction, timeZone, slots, byDay = false, target = null }: {
  series: KpiSeriesPoint[]; direction: 'inbound' | 'outbound'; timeZone: string; slots?: number[]; byDay?: boolean; target?: number | null;
}) {
  const t = useT();
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, byDay ? { weekday: 'short', day: 'numeric', month: 'short', timeZone } : { hour: '2-digit', minute: '2-digit', timeZone });
  const inbound = direction === 'inbound';
  const byBucket = new Map(series.map((p) => [Date.parse(p.bucket), p]));
  const points = slots ? slots.map((ms) => byBucket.get(ms) ?? { bucket: new Date(ms).toISOString(), offered: 0, attempts: 0, connected: 0, service_level: null, conversion_rate: null }) : series;
  const data = points.map((p) => ({
    time: time.format(new Date(p.bucket)),
    volume: inbound ? p.offered : p.attempts,
    connected: p.connected,
    rate: (inbound ? p.service_level : p.conversion_rate) === null ? null : 100 * (inbound ? p.service_level! : p.conversion_rate!),
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="time" tick={{ fontSize: 11 }} />
        <YAxis yAxisId="calls" allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} width={44} />
        <Tooltip />
        <Legend />
        <Bar yAxisId="calls" dataKey="volume" name={t(inbound ? 'kpi.offered' : 'kpi.attempts')} fill="var(--mantine-color-teal-3)" isAnimationActive={false} />
        <Bar yAxisId="calls" dataKey="connected" name={t('kpi.connected')} fill="var(--mantine-color-teal-7)" isAnimationActive={false} />
        {target !== null && (
          <ReferenceLine yAxisId="rate" y={100 * target} stroke="var(--mantine-color-red-9)" strokeDasharray="6 4" ifOverflow="extendDomain"
            className="target-line" label={{ value: t('kpi.target', { value: formatKpi(inbound ? 'service_level' : 'conversion_rate', target, locale) }), position: 'insideTopLeft', className: 'target-line-label', fontSize: 11, fill: 'var(--mantine-color-red-9)' }} />
        )}
        <Line yAxisId="rate" dataKey="rate" name={t(inbound ? 'kpi.service_level' : 'kpi.conversion_rate')} stroke="var(--mantine-color-orange-6)" dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
