// Who may register and call through the real Kamailio (kamailio.cfg's AUTH route): over WebSocket, only with
// ephemeral credentials minted from the proxy's secret, for one's own From user and, registering, one's own
// address; the dialer alone registers the campaigns' numbers. UDP from loopback is the trunk: SIPp customers call
// in without credentials and still reach a registered agent, but the trunk never registers.
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { UserAgent as UserAgentType } from 'sip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentEndpoint } from './agent-endpoint';
import { mintSipCredentials, type SipCredentials } from './ephemeral-credentials';
import { callIn, ensureSipTools, startKamailio, startSipp, type Kamailio, type Running } from './local-stack';
import { SignallingSdh } from './signalling-sdh';
import { SIP_DOMAIN } from './sip-users';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Inviter, Registerer, UserAgent } = require('sip.js') as typeof import('sip.js');

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-sipauth-'));
const stacks: Running[] = [];
let kamailio: Kamailio;

beforeAll(async () => {
  ensureSipTools();
  const sipp = await startSipp({ runDir, scenario: 'answer' });
  stacks.push(sipp);
  kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  stacks.push(kamailio);
});
afterAll(async () => {
  for (const s of stacks.reverse()) await s.stop();
});

const mint = (user: string, ttlSeconds = 600, now = Date.now()) => mintSipCredentials(kamailio.secret, user, ttlSeconds, now);

interface Answer { status: number; reason: string }

/** A sip.js user agent over WebSocket as `user`, answering challenges with `credentials` when given. */
async function userAgent(user: string, credentials?: SipCredentials): Promise<UserAgentType> {
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${user}@${SIP_DOMAIN}`),
    transportOptions: { server: kamailio.ws, connectionTimeout: 5 },
    authorizationUsername: credentials?.username,
    authorizationPassword: credentials?.password,
    sessionDescriptionHandlerFactory: () => new SignallingSdh(''),
    logLevel: 'error',
  });
  await ua.start();
  return ua;
}

/** A REGISTER from `user` (From) for `address` (To, the user's own by default): the final answer. */
async function register(user: string, credentials?: SipCredentials, address = user): Promise<Answer> {
  const ua = await userAgent(user, credentials);
  try {
    const registerer = new Registerer(ua, { expires: 60, params: { toUri: UserAgent.makeURI(`sip:${address}@${SIP_DOMAIN}`)! } });
    const answer = await new Promise<Answer>((resolve, reject) => {
      void registerer.register({
        requestDelegate: {
          onAccept: (r) => resolve({ status: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' }),
          onReject: (r) => resolve({ status: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' }),
        },
      }).catch(reject);
    });
    if (answer.status === 200) await registerer.unregister().catch(() => {});
    return answer;
  } finally {
    await ua.stop();
  }
}

/** An INVITE from `user` to a customer's number (the trunk answers it when it gets there): the final answer. */
async function invite(user: string, credentials?: SipCredentials): Promise<Answer> {
  const ua = await userAgent(user, credentials);
  try {
    const inviter = new Inviter(ua, UserAgent.makeURI(`sip:+33612340000@${SIP_DOMAIN}`)!);
    return await new Promise<Answer>((resolve, reject) => {
      inviter.invite({
        requestDelegate: {
          onAccept: (r) => { resolve({ status: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' }); void inviter.bye().catch(() => {}); },
          onReject: (r) => resolve({ status: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' }),
        },
      }).catch(reject);
    });
  } finally {
    await ua.stop();
  }
}

/** A REGISTER over UDP from loopback, where the trunk speaks: Kamailio's status line. */
async function registerOverUdp(user: string): Promise<string> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  const { port } = socket.address();
  const [host, sipPort] = kamailio.sip.split(':') as [string, string];
  const message = [
    `REGISTER sip:${SIP_DOMAIN} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-trunk-${Date.now()};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@${SIP_DOMAIN}>;tag=trunk`,
    `To: <sip:${user}@${SIP_DOMAIN}>`,
    `Call-ID: trunk-register-${Date.now()}`,
    'CSeq: 1 REGISTER',
    `Contact: <sip:${user}@127.0.0.1:${port}>`,
    'Expires: 60',
    'Content-Length: 0',
    '', '',
  ].join('\r\n');
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer over UDP')), 5000);
      socket.on('message', (m) => { clearTimeout(timer); resolve(m.toString().split('\r\n')[0]!); });
      socket.send(message, Number(sipPort), host);
    });
  } finally {
    socket.close();
  }
}

describe('ephemeral credentials on the WebSocket side of Kamailio', { timeout: 30_000 }, () => {
  it('refuses a REGISTER without credentials: challenged (401), then refused again', async () => {
    expect(await register('agent-a1')).toMatchObject({ status: 401 });
  });

  it('accepts a REGISTER with credentials minted for the user', async () => {
    expect(await register('agent-a1', mint('agent-a1'))).toMatchObject({ status: 200 });
  });

  it('refuses agent A’s credentials for agent B’s address, as From or as To (403)', async () => {
    expect(await register('agent-b2', mint('agent-a1'))).toMatchObject({ status: 403 });
    expect(await register('agent-a1', mint('agent-a1'), 'agent-b2')).toMatchObject({ status: 403 });
  });

  it('refuses expired credentials (403), and credentials minted with another secret (401)', async () => {
    const anHourAgo = Date.now() - 3_600_000;
    expect(await register('agent-a1', mint('agent-a1', 60, anHourAgo))).toMatchObject({ status: 403, reason: 'Credentials Expired' });
    const forged = mintSipCredentials('0'.repeat(64), 'agent-a1', 600, Date.now());
    expect(await register('agent-a1', forged)).toMatchObject({ status: 401 });
  });

  it('lets the dialer register a campaign’s number, never an agent’s address; an agent registers no number', async () => {
    expect(await register('dialer', mint('dialer'), '+33180000001')).toMatchObject({ status: 200 });
    expect(await register('dialer', mint('dialer'), 'agent-a1')).toMatchObject({ status: 403 });
    expect(await register('agent-a1', mint('agent-a1'), '+33180000001')).toMatchObject({ status: 403 });
  });

  it('refuses an INVITE without credentials (407, then refused again), puts one with them through', async () => {
    expect(await invite('agent-a1')).toMatchObject({ status: 407 });
    expect(await invite('agent-a1', mint('agent-b2'))).toMatchObject({ status: 403 });
    expect(await invite('agent-a1', mint('agent-a1'))).toMatchObject({ status: 200 });
  });
});

describe('the trunk side (UDP from loopback)', { timeout: 30_000 }, () => {
  it('calls a registered agent in without credentials', async () => {
    const agent = await AgentEndpoint.register(kamailio.ws, 'agent-a1', { mediaPort: 41_100, auth: { secret: kamailio.secret } });
    try {
      // A caller whose number ends in 9 hangs up 1.5 s after being answered.
      const result = await callIn({ runDir, proxy: kamailio.sip, number: 'agent-a1', callers: ['+33612349999'] });
      expect(result.log.join('\n')).toMatch(/\+33612349999 answered[\s\S]*\+33612349999 hung up/);
      expect(result.exitCode).toBe(0);
      expect(agent.calls).toHaveLength(1);
      expect(agent.calls[0]!.remoteSdp).toMatch(/o=caller /);
    } finally {
      await agent.stop();
    }
  });

  it('never registers, so it cannot take an agent’s address', async () => {
    expect(await registerOverUdp('agent-a1')).toBe('SIP/2.0 403 Trunk Does Not Register');
  });
});
