'use client';
// A campaign's alert rules, in its settings: the legal rule (outbound campaigns) shown and kept; the others created,
// changed and deleted by the contact center's managers and admins, read by everyone else in the partnership.
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import type { RouterOutputs } from '@/app/trpc/types';
import { ALERT_KPI_INFO, COMPARISONS, thresholdFromInput, thresholdToInput, type AlertKpi, type Comparison } from '@/server/alerts/kpis';
import { useRuleText } from './format';

type Rule = RouterOutputs['alerts']['rules']['rules'][number];
interface Draft { id?: string; kpi: AlertKpi; comparison: Comparison; threshold: number | ''; duration_minutes: number | ''; enabled: boolean }

export function RuleEditor({ campaignId }: { campaignId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const rules = useQuery(trpc.alerts.rules.queryOptions({ campaignId }));
  const ruleText = useRuleText();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string) => {
    setMessage({ ok: true, text });
    setDraft(null);
    void qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  };
  const save = useMutation(trpc.alerts.saveRule.mutationOptions({ onSuccess: () => done(t('rules.saved')), onError: (e) => setMessage({ ok: false, text: errorText(e) }) }));
  const remove = useMutation(trpc.alerts.deleteRule.mutationOptions({ onSuccess: () => done(t('rules.deleted')), onError: (e) => setMessage({ ok: false, text: errorText(e) }) }));
  if (rules.isPending) return null;
  if (rules.isError) return <Alert color="red">{errorText(rules.error)}</Alert>;
  const { editable, kpis } = rules.data;
  const unit = (kpi: AlertKpi) => t(`rules.unit.${ALERT_KPI_INFO[kpi].unit}`);
  const edit = (r: Rule) => setDraft({ id: r.id, kpi: r.kpi, comparison: r.comparison, threshold: thresholdToInput(r.kpi, r.threshold), duration_minutes: r.duration_minutes, enabled: r.enabled });
  const submit = () => {
    if (!draft || draft.threshold === '' || draft.duration_minutes === '') return;
    setMessage(null);
    save.mutate({
      campaignId, ruleId: draft.id,
      rule: { kpi: draft.kpi, comparison: draft.comparison, threshold: thresholdFromInput(draft.kpi, Number(draft.threshold)), duration_minutes: Number(draft.duration_minutes), enabled: draft.enabled },
    });
  };
  return (
    <Paper withBorder p="md" id="alert-rules" data-testid="alert-rules">
      <Stack gap="sm">
        <div>
          <Title order={3}>{t('rules.title')}</Title>
          <Text size="sm" c="dimmed">{t('rules.lead')}</Text>
          {!editable && <Text size="sm" c="dimmed" data-testid="rules-readonly">{t('rules.readOnly')}</Text>}
        </div>
        {rules.data.rules.length === 0 ? <Text size="sm" c="dimmed" data-testid="rules-none">{t('rules.none')}</Text> : (
          <Table data-testid="rules-table">
            <Table.Tbody>
              {rules.data.rules.map((r) => (
                <Table.Tr key={r.id} data-testid="rule-row" data-rule-id={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} c={r.enabled ? undefined : 'dimmed'}>{ruleText(r)}</Text>
                    {r.legal && <Text size="xs" c="dimmed">{t('rules.legal')}</Text>}
                  </Table.Td>
                  <Table.Td>{!r.enabled && <Badge color="gray" variant="light">{t('rules.off')}</Badge>}</Table.Td>
                  <Table.Td>
                    {editable && !r.legal && (
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" variant="default" onClick={() => edit(r)} data-testid="rule-edit">{t('rules.edit')}</Button>
                        <Button size="xs" variant="light" color="red" loading={remove.isPending} onClick={() => { setMessage(null); remove.mutate({ campaignId, ruleId: r.id }); }}
                          data-testid="rule-delete">{t('rules.delete')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && (draft ? (
          <Group align="flex-end" data-testid="rule-form">
            <NativeSelect label={t('rules.kpi')} value={draft.kpi} data-testid="rule-kpi"
              data={kpis.map((k) => ({ value: k, label: t(`kpi.${k}` as MessageKey) }))} onChange={(e) => setDraft({ ...draft, kpi: e.currentTarget.value as AlertKpi })} />
            <NativeSelect label={t('rules.comparison')} value={draft.comparison} data-testid="rule-comparison"
              data={COMPARISONS.map((c) => ({ value: c, label: t(`rules.comparison.${c}`) }))} onChange={(e) => setDraft({ ...draft, comparison: e.currentTarget.value as Comparison })} />
            <NumberInput label={`${t('rules.threshold')} (${unit(draft.kpi)})`} value={draft.threshold} decimalScale={2} w={150} data-testid="rule-threshold"
              onChange={(v) => setDraft({ ...draft, threshold: v === '' ? '' : Number(v) })} />
            <NumberInput label={t('rules.duration')} value={draft.duration_minutes} min={0} max={1440} allowDecimal={false} w={130} data-testid="rule-duration"
              onChange={(v) => setDraft({ ...draft, duration_minutes: v === '' ? '' : Number(v) })} />
            <Switch label={t('rules.enabled')} checked={draft.enabled} mb={8} data-testid="rule-enabled" onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} />
            <Button onClick={submit} loading={save.isPending} disabled={draft.threshold === '' || draft.duration_minutes === ''} data-testid="rule-save">{t('rules.save')}</Button>
            <Button variant="default" onClick={() => setDraft(null)}>{t('rules.cancel')}</Button>
          </Group>
        ) : (
          <Group>
            <Button variant="light" data-testid="rule-add"
              onClick={() => { setMessage(null); setDraft({ kpi: kpis[0]!, comparison: kpis[0] === 'service_level' ? 'below' : 'above', threshold: '', duration_minutes: 0, enabled: true }); }}>
              {t('rules.add')}
            </Button>
          </Group>
        ))}
        {message && <Text size="sm" c={message.ok ? 'teal.9' : 'red'} role="status" data-testid="rule-message">{message.text}</Text>}
      </Stack>
    </Paper>
  );
}
