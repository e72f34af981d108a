// The co-located dialer of this process, when there is one: `npm start` creates it only when a SIP proxy is
// configured (RELAIS_SIP_WS); otherwise the portal reports why dialing is unavailable.
import 'server-only';
import type { Dialer } from '@/dialer/dialer';
import { processSingleton } from '@/clickhouse/process-singleton';

interface Slot { dialer: Dialer | null; reason: string }

const slot = () => processSingleton<Slot>('dialer', () => ({ dialer: null, reason: 'no SIP proxy configured' }));

export function currentDialer(): Slot {
  return slot();
}

export function setDialer(dialer: Dialer | null, reason = ''): void {
  Object.assign(slot(), { dialer, reason });
}
