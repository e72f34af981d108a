// The dialer's SIP user agent: sip.js in Node over WebSocket to Kamailio, signalling only. It places
// customer calls and reports how each ended in the terms of the call record (PRODUCT §4 outcomes).
import WebSocket from 'ws';
import type { UserAgent as UserAgentType } from 'sip.js';
import { holdSdp, SignallingSdh } from './signalling-sdh';

// sip.js's transport uses the browser's global WebSocket; Node 20 has none, `ws` is API-compatible.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Inviter, SessionState, UserAgent } = require('sip.js') as typeof import('sip.js');

export interface AnsweredLeg {
  answeredAt: number;
  remoteSdp: string;
  hangup: () => Promise<void>;
  /** Settles when the call ends, by either side. */
  ended: Promise<{ endedAt: number; by: 'remote' | 'local' }>;
}
export type DialResult =
  | { outcome: 'answered'; startedAt: number; leg: AnsweredLeg }
  | { outcome: 'busy' | 'no_answer' | 'failed'; startedAt: number; endedAt: number; status: number };

/** SIP final responses in the ingest contract's outcomes. */
export function outcomeOfStatus(status: number, cancelledByUs: boolean): 'busy' | 'no_answer' | 'failed' {
  if (cancelledByUs || status === 408 || status === 480 || status === 487) return 'no_answer';
  if (status === 486 || status === 600) return 'busy';
  return 'failed';
}

export class DialerUserAgent {
  private constructor(private readonly ua: UserAgentType, private readonly domain: string) {}

  static async connect(ws: string, { user = 'dialer', domain = 'relais.local' } = {}): Promise<DialerUserAgent> {
    const ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${user}@${domain}`),
      transportOptions: { server: ws, connectionTimeout: 5 },
      sessionDescriptionHandlerFactory: () => new SignallingSdh(holdSdp()),
      logLevel: 'error',
    });
    await ua.start();
    return new DialerUserAgent(ua, domain);
  }

  dial(number: string, { ringTimeoutMs = 25_000 } = {}): Promise<DialResult> {
    const startedAt = Date.now();
    const target = UserAgent.makeURI(`sip:${number}@${this.domain}`);
    if (!target) return Promise.resolve({ outcome: 'failed', startedAt, endedAt: startedAt, status: 0 });
    const inviter = new Inviter(this.ua, target);
    return new Promise<DialResult>((resolve) => {
      let status = 0;
      let cancelled = false;
      let answered = false;
      let endedBy: 'remote' | 'local' = 'remote';
      let markEnded: (v: { endedAt: number; by: 'remote' | 'local' }) => void = () => {};
      const ended = new Promise<{ endedAt: number; by: 'remote' | 'local' }>((r) => (markEnded = r));
      // Ring time is ours to bound (compliance: at least 15 s before a no-answer, set by the caller).
      const timer = setTimeout(() => { cancelled = true; void inviter.cancel(); }, ringTimeoutMs);
      inviter.stateChange.addListener((state) => {
        if (state === SessionState.Established) {
          clearTimeout(timer);
          answered = true;
          resolve({
            outcome: 'answered', startedAt,
            leg: {
              answeredAt: Date.now(),
              remoteSdp: (inviter.sessionDescriptionHandler as SignallingSdh | undefined)?.remoteSdp ?? '',
              hangup: async () => { endedBy = 'local'; if (inviter.state === SessionState.Established) await inviter.bye(); },
              ended,
            },
          });
        }
        if (state === SessionState.Terminated) {
          clearTimeout(timer);
          if (answered) markEnded({ endedAt: Date.now(), by: endedBy });
          // sip.js terminates the session before it hands the final response to our delegate.
          else setImmediate(() => resolve({ outcome: outcomeOfStatus(status, cancelled), startedAt, endedAt: Date.now(), status }));
        }
      });
      inviter.invite({ requestDelegate: { onReject: (response) => { status = response.message.statusCode ?? 0; } } })
        .catch(() => { clearTimeout(timer); resolve({ outcome: 'failed', startedAt, endedAt: Date.now(), status }); });
    });
  }

  async stop(): Promise<void> {
    await this.ua.stop();
  }
}
