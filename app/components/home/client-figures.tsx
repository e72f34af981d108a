'use client';
// The client's home figures: each of its campaigns today against its targets, with yesterday and the last 7 days.
import { Badge, Group, Table, Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { FiguresSection } from './figures-section';
import { PeriodCell } from './period-cell';
import { CampaignLinks } from './campaign-links';
import { abandonKpi, rateKpi } from '@/server/home/kpi-choice';
import { targetOf } from '@/server/kpi/kpi-targets';

export function ClientFigures() {
  const t = useT();
  return (
    <FiguresSection testId="client-figures" title={t('home.figures.title')} lead={t('home.figures.lead')}>
      {(figures) => (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.figures.campaign')}</Table.Th>
                  <Table.Th>{t('home.figures.rate')}</Table.Th>
                  <Table.Th>{t('home.figures.abandon')}</Table.Th>
                  <Table.Th>{t('kpi.conversion_rate')}</Table.Th>
                  <Table.Th>{t('kpi.aht_seconds')}</Table.Th>
                  <Table.Th>{t('kpi.nps')}</Table.Th>
                  <Table.Th>{t('home.figures.links')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.campaigns.map((row) => {
                  const { campaign, targets } = row;
                  const rate = rateKpi(campaign.direction);
                  const abandon = abandonKpi(campaign.direction);
                  const code = campaign.code;
                  return (
                    <Table.Tr key={campaign.id} data-testid={`figures-row-${code}`}>
                      <Table.Td>
                        <Text fw={600}>{campaign.name}</Text>
                        <Group gap={6}>
                          <Text size="xs" c="dimmed">{code}</Text>
                          <Badge size="xs" variant="light">{t(`home.figures.${campaign.direction}`)}</Badge>
                        </Group>
                        <Text size="xs" c="dimmed">{t(`kpi.${rate}`)}</Text>
                      </Table.Td>
                      <Table.Td><PeriodCell row={row} kpi={rate} target={targetOf(rate, targets)} testId={`fig-${code}-rate`} /></Table.Td>
                      <Table.Td><PeriodCell row={row} kpi={abandon} target={targetOf(abandon, targets)} cap={figures.abandonCap} testId={`fig-${code}-abandon`} /></Table.Td>
                      <Table.Td><PeriodCell row={row} kpi="conversion_rate" target={targetOf('conversion_rate', targets)} testId={`fig-${code}-conversion`} /></Table.Td>
                      <Table.Td><PeriodCell row={row} kpi="aht_seconds" target={targetOf('aht_seconds', targets)} testId={`fig-${code}-aht`} /></Table.Td>
                      <Table.Td><PeriodCell row={row} kpi="nps" target={targetOf('nps', targets)} testId={`fig-${code}-nps`} /></Table.Td>
                      <Table.Td><CampaignLinks campaignId={campaign.id} code={code} /></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </FiguresSection>
  );
}
