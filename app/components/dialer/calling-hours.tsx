'use client';
// An outbound campaign's calling hours on /dialer: the profile's (France: décret 2022-1313), or hours the manager
// widened for a campaign whose contacts consented, with the reason kept (PRODUCT §5). The rule that refuses a
// widening is the dialer's (`widenedWindowRefusal`), so the form says at once what the server would refuse.
import { Alert, Button, Chip, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { WINDOWS, widenedWindowRefusal, type WidenedWindow } from '@/server/dialer/calling-hours';
import type { DialerSettings, SettingsChange } from './types';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (v: string) => { const [h, m] = v.split(':').map(Number); return (h ?? 0) * 60 + (m ?? 0); };
// A time field stops at 23:59: as a range's end it means the end of the day (ranges are [start, end) in minutes).
const endMinutes = (v: string) => (v === '23:59' ? 1440 : minutes(v));
const endField = (m: number) => (m >= 1440 ? '23:59' : hhmm(m));

/** "lun., mar. · 10:00–13:00, 14:00–20:00" in the user's language. */
function useHoursText() {
  const t = useT();
  return (w: { days: number[]; ranges: [number, number][]; skipFrenchHolidays: boolean }) =>
    `${w.days.map((d) => t(`dialer.hours.day.${d}` as MessageKey)).join(', ')} · ${w.ranges.map(([a, b]) => `${hhmm(a)}–${hhmm(b)}`).join(', ')}${w.skipFrenchHolidays ? ` · ${t('dialer.hours.noHolidays')}` : ''}`;
}

export function CallingHours({ settings, busy, onChange }: { settings: DialerSettings; busy: boolean; onChange: (change: SettingsChange) => void }) {
  const t = useT();
  const text = useHoursText();
  const [editing, setEditing] = useState(false);
  const profile = WINDOWS[settings.profile];
  return (
    <Stack gap={4} data-testid="dialer-hours">
      <Text size="sm" fw={600}>{t('dialer.hours')}</Text>
      {settings.window ? (
        <>
          <Text size="sm" data-testid="dialer-hours-widened">{t('dialer.hours.widened', { hours: text(settings.window) })}</Text>
          <Text size="xs" c="dimmed">{t('dialer.hours.reason', { reason: settings.window.reason })}</Text>
        </>
      ) : (
        <Text size="sm" data-testid="dialer-hours-profile">{t('dialer.hours.profile', { hours: text(profile) })}</Text>
      )}
      {!editing && (
        <Group gap="xs">
          <Button size="xs" variant="light" disabled={busy} onClick={() => setEditing(true)} data-testid="dialer-hours-edit">{t('dialer.hours.edit')}</Button>
          {settings.window && <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={() => onChange({ window: null })}>{t('dialer.hours.restore')}</Button>}
        </Group>
      )}
      {editing && (
        <WindowForm initial={settings.window ?? { ...profile, reason: '' }} consentRequired={settings.consentRequired} busy={busy}
          onCancel={() => setEditing(false)} onSave={(window) => { onChange({ window }); setEditing(false); }} />
      )}
    </Stack>
  );
}

function WindowForm({ initial, consentRequired, busy, onSave, onCancel }: { initial: WidenedWindow; consentRequired: boolean; busy: boolean; onSave: (w: WidenedWindow) => void; onCancel: () => void }) {
  const t = useT();
  const [days, setDays] = useState(initial.days.map(String));
  const [ranges, setRanges] = useState(initial.ranges.map(([a, b]) => [hhmm(a), endField(b)] as [string, string]));
  const [skipHolidays, setSkipHolidays] = useState(initial.skipFrenchHolidays);
  const [reason, setReason] = useState(initial.reason);
  const window: WidenedWindow = { days: days.map(Number).sort(), ranges: ranges.filter(([a, b]) => a && b).map(([a, b]) => [minutes(a), endMinutes(b)]), skipFrenchHolidays: skipHolidays, reason };
  const refusal = widenedWindowRefusal(window, consentRequired);
  const setRange = (i: number, j: 0 | 1, v: string) => setRanges(ranges.map((r, k) => (k === i ? (j === 0 ? [v, r[1]] : [r[0], v]) : r)));
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      {!consentRequired && <Alert color="yellow" variant="light">{t('error.window_needs_consent')}</Alert>}
      <Chip.Group multiple value={days} onChange={setDays}>
        <Group gap={4}>{DAYS.map((d) => <Chip key={d} value={String(d)} size="xs">{t(`dialer.hours.day.${d}` as MessageKey)}</Chip>)}</Group>
      </Chip.Group>
      {ranges.map(([a, b], i) => (
        <Group key={i} gap="xs" align="end">
          <TextInput type="time" label={t('dialer.hours.from')} value={a} onChange={(e) => setRange(i, 0, e.currentTarget.value)} w={140} data-testid={`dialer-hours-from-${i}`} />
          <TextInput type="time" label={t('dialer.hours.to')} value={b} onChange={(e) => setRange(i, 1, e.currentTarget.value)} w={140} data-testid={`dialer-hours-to-${i}`} />
          {ranges.length > 1 && <Button size="xs" variant="subtle" color="gray" onClick={() => setRanges(ranges.filter((_, k) => k !== i))}>{t('dialer.hours.removeRange')}</Button>}
        </Group>
      ))}
      {ranges.length < 2 && <Button size="xs" variant="subtle" w="fit-content" onClick={() => setRanges([...ranges, ['14:00', '20:00']])}>{t('dialer.hours.addRange')}</Button>}
      <Switch size="sm" label={t('dialer.hours.skipHolidays')} checked={skipHolidays} onChange={(e) => setSkipHolidays(e.currentTarget.checked)} />
      <Textarea label={t('dialer.hours.reasonLabel')} placeholder={t('dialer.hours.reasonHint')} value={reason} maxLength={200} autosize minRows={2}
        onChange={(e) => setReason(e.currentTarget.value)} data-testid="dialer-hours-reason" />
      {refusal && consentRequired && (refusal !== 'window_needs_reason' || reason !== '') && <Text size="xs" c="red">{t(`error.${refusal}` as MessageKey)}</Text>}
      <Group gap="xs">
        <Button size="xs" disabled={busy || refusal !== null} onClick={() => onSave(window)} data-testid="dialer-hours-save">{t('dialer.hours.save')}</Button>
        <Button size="xs" variant="default" onClick={onCancel}>{t('dialer.hours.cancel')}</Button>
      </Group>
    </Stack>
  );
}
