// Test support: the portal's dialer without a SIP proxy — its calls never end (a stand-in telephony whose dials
// never settle), its records written through the portal's sink, installed as the process's dialer. `stop` takes it
// out and stops it.
import type { Clickhouse } from '@/clickhouse/client';
import { Dialer, type DialerOptions } from '@/dialer/dialer';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { setDialer } from '@/server/dialer/instance';
import { ingestSink } from '@/server/dialer/record-sink';

export async function startStandInDialer(ch: Clickhouse, options: Omit<DialerOptions, 'sink'> = {}): Promise<Dialer> {
  const dialer = await Dialer.start(ch, { isConnected: true, dial: () => new Promise<DialResult>(() => {}) }, { sink: ingestSink(ch), ...options });
  setDialer(dialer);
  return dialer;
}

export async function stopStandInDialer(dialer: Dialer | undefined): Promise<void> {
  setDialer(null, 'test over');
  await dialer?.stop();
}
