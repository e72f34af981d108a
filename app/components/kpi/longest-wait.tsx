'use client';
// The longest wait in an inbound queue, counting every second on its own between the server's figures (the rest of
// the page does not re-render with it).
import { Text, type TextProps } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { clock, countedSeconds, useNow } from './clock';

export function LongestWait({ seconds, receivedAt, testId = 'longest-wait', ...text }: { seconds: number; receivedAt: number; testId?: string } & TextProps) {
  const t = useT();
  const now = useNow();
  return <Text component="span" inherit data-testid={testId} {...text}>{t('live.longestWait', { time: clock(countedSeconds(seconds, receivedAt, now)) })}</Text>;
}
