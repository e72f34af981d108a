// The proof of the agent desk's media path: a browser agent (Debian Chromium, fake microphone, sip.js's own
// WebRTC SessionDescriptionHandler) registered to Kamailio over WebSocket, a SIPp customer speaking plain RTP
// (PCMA), and the dialer bridging them by third-party call control through rtpengine (driven over ng). RTP
// must cross both ways: the browser's getStats counts packets in and out, rtpengine's query counts packets on
// both legs. Hanging up frees the call in rtpengine. The call is recorded: one WAV with the customer's speech and
// the browser's audio (SRTP, which rtpengine captures decrypted), not silent.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeToAgent } from '@/dialer/runner/bridge';
import { DialerUserAgent } from '@/dialer/sip/dialer-ua';
import { mintSipCredentials } from '@/dialer/sip/ephemeral-credentials';
import { ensureRtpengine, ensureSipTools, startKamailio, startRtpengine, startSipp, type Rtpengine, type Running } from '@/dialer/sip/local-stack';
import { audioPayloads } from './flags';
import { NgClient, type NgReply } from './ng-client';
import { rmsDbfs, samplesOfWav, SAMPLE_RATE } from './recording';
import type { SavedRecording } from './recording-store';
import { MediaRelay } from './relay';
import type { BrowserAgent, RtpCounts } from './testing/browser-agent';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-webrtc-'));
const recordingsDir = path.join(runDir, 'recordings');
const stacks: Running[] = [];
let rtpengine: Rtpengine;
let ws: string;
let http: Server;
let pageUrl: string;
let browser: Browser;
let page: Page;
let ua: DialerUserAgent;
let ng: NgClient;

/** The page's agent, read through Playwright. */
const agentState = () => page.evaluate(() => {
  const a = (window as unknown as { agent?: BrowserAgent }).agent;
  return a && { registered: a.registered, state: a.state, log: a.log, remoteSdp: a.remoteSdp, localSdp: a.localSdp };
});
const agentStats = () => page.evaluate(() => (window as unknown as { agent: BrowserAgent }).agent.stats());

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  ensureSipTools();
  ensureRtpengine();
  const sipp = await startSipp({ runDir, scenario: 'media' });
  stacks.push(sipp);
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  stacks.push(kamailio);
  ws = kamailio.ws;
  rtpengine = await startRtpengine({ runDir, recordingsDir });
  stacks.push(rtpengine);

  // The softphone page: sip.js's ESM build bundled for the browser (it ships no browser bundle of its own).
  const bundle = await build({ entryPoints: [path.join(__dirname, 'testing/browser-agent.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  const script = bundle.outputFiles[0]!.text;
  http = createServer((req, res) => {
    if (req.url?.startsWith('/agent.js')) { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(script); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>agent</title><script src="/agent.js"></script>');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  // The browser registers as the desk's softphone does: with ephemeral credentials for its own user only.
  const credentials = mintSipCredentials(kamailio.secret, 'agent-w1', 600, Date.now());
  pageUrl = `http://127.0.0.1:${port}/?ws=${encodeURIComponent(ws)}&user=agent-w1&username=${encodeURIComponent(credentials.username)}&password=${encodeURIComponent(credentials.password)}`;

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[browser ${m.type()}] ${m.text()}`); });
  await page.goto(pageUrl);
  await until('the browser agent registered', async () => (await agentState())?.registered, 15_000);

  ua = await DialerUserAgent.connect(ws, { keepalive: null, auth: { secret: kamailio.secret } });
  ng = await NgClient.open(rtpengine.ng);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
  ng?.close();
  await ua?.stop();
  for (const s of stacks.reverse()) await s.stop();
});

function diagnostics(): string {
  const tail = (file: string, n = 40) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n') : '(none)');
  return `rtpengine log:\n${tail(rtpengine.logFile)}\nSIPp errors:\n${tail(path.join(runDir, 'sipp-media-errors.log'), 20)}`;
}

/** Packets rtpengine received from each participant (by tag), over all its streams. */
function packetsByTag(q: NgReply): Record<string, number> {
  const tags = q.tags as Record<string, { medias?: { streams?: { stats?: { packets?: number } }[] }[] }>;
  return Object.fromEntries(Object.entries(tags).map(([tag, t]) => [tag, (t.medias ?? []).flatMap((m) => m.streams ?? []).reduce((n, s) => n + (s.stats?.packets ?? 0), 0)]));
}

describe('a browser agent and a SIPp customer, bridged through rtpengine', { timeout: 90_000 }, () => {
  it('carries RTP both ways (browser getStats, rtpengine query) and frees the call on hang-up', async () => {
    const problems: string[] = [];
    let saved: SavedRecording | undefined;
    const relay = new MediaRelay(ng, { recordingsDir, onRecordingProblem: (_, p) => problems.push(p), onRecordingSaved: (_, s) => (saved = s) });
    // Our hold offer lists both G.711 laws; the customer answers PCMA (the law of its recording).
    const hold = ['v=0', `o=relais ${Date.now()} 1 IN IP4 127.0.0.1`, 's=relais', 'c=IN IP4 0.0.0.0', 't=0 0', 'm=audio 9 RTP/AVP 0 8', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=inactive', ''].join('\r\n');
    const customer = await ua.dial('+33612000000', { offerSdp: hold, ringTimeoutMs: 10_000 });
    if (customer.outcome !== 'answered') throw new Error(`the customer did not answer: ${JSON.stringify(customer)}\n${diagnostics()}`);
    const callId = customer.leg.dialog!.callId;
    const customerTag = customer.leg.dialog!.remoteTag;
    await relay.record(callId);

    const bridged = await bridgeToAgent((u, o) => ua.dial(u, o), customer.leg, 'agent-w1', { relay, agentKind: 'webrtc' });
    const seen = await agentState();
    if (bridged.kind !== 'bridged') throw new Error(`not bridged: ${JSON.stringify(bridged)}\nbrowser: ${JSON.stringify(seen?.log)}\n${diagnostics()}`);
    // The browser was offered rtpengine's WebRTC side, never the customer's address.
    expect(seen?.remoteSdp).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 8/m);
    expect(seen?.remoteSdp).toMatch(/^a=fingerprint:/m);
    expect(seen?.remoteSdp).toMatch(/^a=candidate:.* 127\.0\.0\.1 /m);
    const agentPort = Number(/^m=audio (\d+)/m.exec(seen!.remoteSdp!)![1]);
    expect(agentPort).toBeGreaterThanOrEqual(rtpengine.media.min);
    expect(agentPort).toBeLessThanOrEqual(rtpengine.media.max);

    let counts: RtpCounts | null = null;
    try {
      counts = await until('RTP in and out of the browser', async () => {
        const c = await agentStats();
        // The codec shows in getStats a moment after the first packets: waiting for it too.
        return c && c.inboundPackets > 0 && c.outboundPackets > 0 && !!c.inboundCodec && c;
      }, 20_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nstats: ${JSON.stringify(await agentStats())}\nbrowser: ${JSON.stringify((await agentState())?.log)}\n${diagnostics()}`);
    }
    expect(counts.inboundCodec).toBe('audio/PCMA');

    const byTag = await until('packets on both legs in rtpengine', async () => {
      const p = packetsByTag(await relay.query(callId));
      return Object.keys(p).length === 2 && Object.values(p).every((n) => n > 0) && p;
    }, 10_000);
    expect(Object.keys(byTag)).toContain(customerTag);
    console.log('browser', JSON.stringify(counts), 'rtpengine packets by tag', JSON.stringify(byTag));

    // Two seconds of conversation for the recording (the customer's speech, the browser's fake microphone).
    await new Promise((r) => setTimeout(r, 2000));

    // The dialer ends the call: both legs hung up, the bridge deletes the call in rtpengine.
    await customer.leg.hangup();
    await bridged.agentLeg.hangup();
    await until('the browser call ended', async () => (await agentState())?.state === 'Terminated', 5_000);
    await until('rtpengine forgot the call', async () => relay.query(callId).then(() => false, (err: Error) => /Unknown call-id/.test(err.message)), 5_000);
    expect(audioPayloads(customer.leg.remoteSdp)).toEqual([8]);

    // The recording: written when the bridge released the call, both parties mixed, not silent.
    const relative = await relay.recordingOf(callId);
    expect(problems).toEqual([]);
    expect(relative).toMatch(/^\d{4}-\d{2}-\d{2}\/.+\.wav$/);
    const { samples } = samplesOfWav(readFileSync(path.join(recordingsDir, relative!)));
    const loudness = rmsDbfs(samples);
    console.log(`recording ${relative}: ${(samples.length / SAMPLE_RATE).toFixed(2)} s, RMS ${loudness.toFixed(1)} dBFS`);
    expect(samples.length / SAMPLE_RATE).toBeGreaterThan(1.5);
    expect(loudness).toBeGreaterThan(-45);
    // Both parties were heard: the customer's RTP and the browser's SRTP, which rtpengine captures decrypted.
    expect(saved).toMatchObject({ path: relative, streams: 2 });
  });
});
