'use client';
// The quality team's home figures: NPS, first-call resolution and resolution time by campaign, today and over 7 days.
import { Table, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import { formatKpi } from '@/app/components/kpi/format';
import { Figure } from './figure';
import { FiguresSection, type HomeFigures } from './figures-section';
import { CampaignLinks } from './campaign-links';
import { pluralForm } from '@/app/i18n/plural';

type Kpis = HomeFigures['campaigns'][number]['today'];

/** One period's quality figures: NPS (with its answers), FCR, mean resolution time (with the median). */
function QualityCells({ kpis, targetNps, testId }: { kpis: Kpis; targetNps: number | null; testId: string }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <>
      <Table.Td>
        <Figure kpi="nps" value={kpis.nps} target={targetNps} size="lg" testId={`${testId}-nps`} />
        <Text size="xs" c="dimmed">{t(`kpi.responses.${pluralForm(locale, kpis.nps_responses)}`, { count: new Intl.NumberFormat(locale).format(kpis.nps_responses) })}</Text>
      </Table.Td>
      <Table.Td><Figure kpi="fcr" value={kpis.fcr} size="lg" testId={`${testId}-fcr`} /></Table.Td>
      <Table.Td>
        <Figure kpi="resolution_seconds_mean" value={kpis.resolution_seconds_mean} size="lg" testId={`${testId}-resolution`} />
        {kpis.resolution_seconds_median !== null && (
          <Text size="xs" c="dimmed">{t('home.quality.median', { value: formatKpi('resolution_seconds_median', kpis.resolution_seconds_median, locale) })}</Text>
        )}
      </Table.Td>
    </>
  );
}

export function QualityFigures() {
  const t = useT();
  const heads = [t('kpi.nps'), t('kpi.fcr'), t('kpi.resolution_seconds_mean')];
  return (
    <FiguresSection testId="quality-figures" title={t('home.quality.figures')} lead={t('home.quality.figuresLead')}>
      {(figures) => (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>{t('home.figures.campaign')}</Table.Th>
                  <Table.Th colSpan={3}>{t('home.quality.today')}</Table.Th>
                  <Table.Th colSpan={3}>{t('home.quality.week')}</Table.Th>
                  <Table.Th rowSpan={2}>{t('home.figures.links')}</Table.Th>
                </Table.Tr>
                <Table.Tr>
                  {[...heads, ...heads].map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.campaigns.map(({ campaign, targets, today, week }) => (
                  <Table.Tr key={campaign.id} data-testid={`quality-row-${campaign.code}`}>
                    <Table.Td>
                      <Text fw={600}>{campaign.name}</Text>
                      <Text size="xs" c="dimmed">{campaign.code} · {campaign.client_name}</Text>
                    </Table.Td>
                    <QualityCells kpis={today} targetNps={targets.target_nps} testId={`q-${campaign.code}-today`} />
                    <QualityCells kpis={week} targetNps={targets.target_nps} testId={`q-${campaign.code}-week`} />
                    <Table.Td><CampaignLinks campaignId={campaign.id} code={campaign.code} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </FiguresSection>
  );
}
