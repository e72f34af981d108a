'use client';
// The campaign report: KPIs by day over a date range, with the total, a chart, and a CSV export.
import { useState } from 'react';
import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay, subDays } from 'date-fns';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { kpiCsv, REPORT_COLUMNS } from '@/server/kpi/csv';
import type { KpiValues } from '@/server/kpi/report';
import { downloadBlob, downloadText, XLSX_TYPE } from '@/app/components/download';
import { excelDay, kpiXlsx, type KpiSheetRow } from './kpi-xlsx';
import { formatKpi, type KpiKey } from './format';
import { useSalWindow } from './sal-window';
import { DayCurve } from './day-curve';
import { Figure, isCapped } from '@/app/components/home/figure';
import { targetOf } from '@/server/kpi/kpi-targets';
import { DayInput } from '@/app/components/day-input/day-input';

const INBOUND: KpiKey[] = ['offered', 'connected', 'abandoned', 'service_level', 'asa_seconds', 'abandon_rate', 'conversion_rate', 'aht_seconds', 'nps', 'fcr', 'qa_score', 'occupancy'];
const OUTBOUND: KpiKey[] = ['attempts', 'connected', 'contact_rate', 'outbound_abandon_rate', 'conversion_rate', 'aht_seconds', 'nps', 'qa_score', 'sal', 'occupancy'];

export function CampaignReport({ campaignId, timeZone, direction, code }: { campaignId: string; timeZone: string; direction: 'inbound' | 'outbound'; code: string }) {
  const t = useT();
  const [locale] = useLocale();
  const salWindow = useSalWindow();
  const trpc = useTRPC();
  const today = format(new TZDate(Date.now(), timeZone), 'yyyy-MM-dd');
  const [fromDay, setFromDay] = useState(format(subDays(new TZDate(Date.now(), timeZone), 6), 'yyyy-MM-dd'));
  const [toDay, setToDay] = useState(today);
  // Days are the campaign's days: midnight to midnight in its time zone.
  const from = startOfDay(new TZDate(`${fromDay}T00:00:00`, timeZone)).getTime();
  const to = addDays(startOfDay(new TZDate(`${toDay}T00:00:00`, timeZone)), 1).getTime();
  const report = useQuery({ ...trpc.kpi.range.queryOptions({ campaignId, from, to, bucket: 'day' }), enabled: to > from });
  /** The target a column is read against (coloured green met, red missed), none for a column without one. */
  const goalOf = (c: KpiKey) => targetOf(c, report.data?.targets);
  const columns = direction === 'inbound' ? INBOUND : OUTBOUND;
  const dayLabel = (iso: string) => format(new TZDate(iso, timeZone), 'yyyy-MM-dd');
  const dayShown = (iso: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(iso));

  function exportCsv() {
    if (!report.data) return;
    const rows = [
      ...(report.data.kpis.series ?? []).map((p) => ({ label: dayLabel(p.bucket), values: p as Partial<KpiValues> })),
      { label: t('report.total'), values: report.data.kpis },
    ];
    downloadText(`relais-${code}-${fromDay}-${toDay}.csv`, kpiCsv(t('report.day'), rows, REPORT_COLUMNS, { locale, header: (c) => t(`kpi.${c}` as MessageKey) }));
  }

  async function exportXlsx() {
    if (!report.data) return;
    const rows: KpiSheetRow[] = [
      ...(report.data.kpis.series ?? []).map((p) => ({ label: excelDay(dayLabel(p.bucket)), values: p as Partial<KpiValues> })),
      { label: t('report.total'), values: report.data.kpis, bold: true },
    ];
    const book = await kpiXlsx(code, t('report.day'), rows, REPORT_COLUMNS, (c) => t(`kpi.${c}` as MessageKey));
    downloadBlob(`relais-${code}-${fromDay}-${toDay}.xlsx`, new Blob([book], { type: XLSX_TYPE }));
  }

  return (
    <Stack>
      <Group align="flex-end">
        <DayInput label={t('report.from')} value={fromDay} onChange={setFromDay} data-testid="report-from" />
        <DayInput label={t('report.to')} value={toDay} onChange={setToDay} data-testid="report-to" />
        <Button variant="light" onClick={exportCsv} disabled={!report.data} data-testid="report-export">{t('report.export')}</Button>
        <Button variant="light" onClick={() => void exportXlsx()} disabled={!report.data} data-testid="report-export-xlsx">{t('report.exportXlsx')}</Button>
      </Group>
      {to <= from ? <Text c="red" role="alert" data-testid="range-inverted">{t('report.rangeInverted')}</Text> : report.isPending ? <Loader size="sm" /> : report.isError ? <Text c="red">{t('common.error')}</Text> : (
        <>
          <DayCurve series={report.data.kpis.series ?? []} direction={direction} timeZone={timeZone} byDay
            target={direction === 'inbound' ? report.data.targets.target_service_level : report.data.targets.target_conversion_rate} />
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.day')}</Table.Th>
                  {columns.map((c) => <Table.Th key={c}>{t(`kpi.${c}` as MessageKey)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(report.data.kpis.series ?? []).map((p) => (
                  <Table.Tr key={p.bucket}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayShown(p.bucket)}</Table.Td>
                    {columns.map((c) => <Table.Td key={c}><Figure kpi={c} value={p[c] ?? null} target={goalOf(c)} cap={report.data.abandonCap} fw={400} fz="inherit" /></Table.Td>)}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('report.total')}</Table.Td>
                  {columns.map((c) => <Table.Td key={c}><Figure kpi={c} value={report.data.kpis[c] ?? null} target={goalOf(c)} cap={report.data.abandonCap} testId={`report-total-${c}`} fz="inherit" /></Table.Td>)}
                </Table.Tr>
                <Table.Tr c="dimmed" data-testid="report-targets">
                  <Table.Td>{t('report.target')}</Table.Td>
                  {columns.map((c) => {
                    const goal = goalOf(c);
                    const within = c === 'sal' ? salWindow(report.data.targets.target_sal_hours) : undefined;
                    const shown = goal !== null && goal !== undefined ? [formatKpi(c, goal, locale), within].filter(Boolean).join(' ')
                      : isCapped(c) ? t('kpi.cap', { value: formatKpi(c, report.data.abandonCap, locale) }) : '';
                    return <Table.Td key={c} data-testid={`report-target-${c}`} style={{ whiteSpace: 'nowrap' }}>{shown}</Table.Td>;
                  })}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
