// The SIP proxy the agents' softphones register to, as start-up found it: its WebSocket address and the
// auth_ephemeral secret the portal shares with it to mint each signed-in agent's credentials. Null until a dialer
// connected to a proxy (no RELAIS_SIP_WS nor `--with-sip`, or the proxy was unreachable).
import 'server-only';
import { processSingleton } from '@/clickhouse/process-singleton';
import type { SipProxy } from '@/dialer/start';

const slot = () => processSingleton<{ proxy: SipProxy | null }>('sip-proxy', () => ({ proxy: null }));

export function currentSipProxy(): SipProxy | null {
  return slot().proxy;
}

export function setSipProxy(proxy: SipProxy | null): void {
  slot().proxy = proxy;
}
