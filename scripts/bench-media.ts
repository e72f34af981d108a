// npm run bench:media [-- --steps 25,50,100,150,200 --seconds 30 --window 25 --json] — calls with audio both
// ways through rtpengine: SIPp customers (Kamailio's trunk) and SIPp agents (registered to Kamailio as agent-N)
// bridged by the dialer's own code path (DialerUserAgent + bridgeToAgent with the MediaRelay, agentKind 'rtp').
// Each side streams `--seconds` of G.711 A-law (SIPp's rtp_stream: 20 ms packets, 50 a second) from the moment its
// leg is bridged. For each step (N concurrent calls): set up N calls, measure CPU while all N play, wait until
// every stream has been played, count the packets rtpengine received from each side of each call (ng `query`),
// hang up. The ramp stops at the first step with packet loss, failed calls or a saturated machine.
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MediaRelay } from '@/dialer/media/relay';
import { NgClient, type NgReply } from '@/dialer/media/ng-client';
import { FRAME_MS, writeSpeech } from '@/dialer/media/testing/sipp-media';
import { bridgeToAgent } from '@/dialer/runner/bridge';
import { DialerUserAgent, type AnsweredLeg } from '@/dialer/sip/dialer-ua';
import { ensureRtpengine, ensureSipTools, startKamailio, startRtpengine, startSipp } from '@/dialer/sip/local-stack';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));


/** Registers each user at Kamailio (UDP) with `contact` (host:port) as its phone: the agents' SIPp. */
async function registerAgents(proxy: string, users: string[], contact: string): Promise<void> {
  const [host, port] = proxy.split(':') as [string, string];
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  const local = socket.address().port;
  const waiting = new Map<string, () => void>();
  socket.on('message', (m) => {
    const text = m.toString();
    const callId = /^Call-ID:\s*(\S+)/im.exec(text)?.[1];
    if (callId && /^SIP\/2\.0 200/.test(text)) waiting.get(callId)?.();
  });
  try {
    for (let i = 0; i < users.length; i += 50) {
      await Promise.all(users.slice(i, i + 50).map((user) => new Promise<void>((resolve, reject) => {
        const callId = `reg-${randomBytes(6).toString('hex')}`;
        const message = [
          'REGISTER sip:relais.local SIP/2.0',
          `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
          'Max-Forwards: 70',
          `From: <sip:${user}@relais.local>;tag=${randomBytes(4).toString('hex')}`,
          `To: <sip:${user}@relais.local>`,
          `Call-ID: ${callId}`,
          'CSeq: 1 REGISTER',
          `Contact: <sip:${user}@${contact}>`,
          'Expires: 3600',
          'Content-Length: 0', '', '',
        ].join('\r\n');
        const timer = setTimeout(() => { waiting.delete(callId); reject(new Error(`REGISTER of ${user} not answered 200`)); }, 5000);
        waiting.set(callId, () => { clearTimeout(timer); waiting.delete(callId); resolve(); });
        socket.send(message, Number(port), host);
      })));
    }
  } finally {
    socket.close();
  }
}

/** CPU ticks (user + system, all threads) of every process in the process group `pgid`: each child of the stack leads its own. */
function groupTicks(pgid: number): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try { stat = readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks;
}
const TICKS_PER_SECOND = 100;

/**
 * Packets rtpengine received on the RTP stream(s) of participant `tag` (RTCP streams left out), and its errors
 * on them. rtpengine 10.5's `query` counts what came in from each side, not what it sent on.
 */
function rtpIn(reply: NgReply, tag: string): { packets: number; errors: number } | undefined {
  const t = (reply.tags as Record<string, { medias?: { streams?: { flags?: string[]; stats?: { packets?: number; errors?: number } }[] }[] }> | undefined)?.[tag];
  if (!t) return undefined;
  let packets = 0;
  let errors = 0;
  for (const media of t.medias ?? []) {
    for (const s of media.streams ?? []) {
      if ((s.flags ?? []).includes('RTCP')) continue;
      packets += s.stats?.packets ?? 0;
      errors += s.stats?.errors ?? 0;
    }
  }
  return { packets, errors };
}

interface Call { callId: string; customerTag: string; agentTag: string; customer: AnsweredLeg; agent: AnsweredLeg }

async function main() {
  const steps = (arg('--steps') ?? '25,50,100,150,200').split(',').map(Number);
  const seconds = Number(arg('--seconds') ?? 30);
  const window = Number(arg('--window') ?? 25);
  const maxCalls = Math.max(...steps);
  ensureSipTools();
  ensureRtpengine();
  const runDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-media-'));
  // The scenarios stream speech.alaw from SIPp's working directory, the run dir.
  const framesPerLeg = writeSpeech(path.join(runDir, 'speech.alaw'), seconds);

  const stack: { stop: () => Promise<void> }[] = [];
  let ua: DialerUserAgent | undefined;
  let ng: NgClient | undefined;
  try {
    // Each call holds 4 of rtpengine's ports (RTP and RTCP on each leg); the rest is room for its allocator.
    const rtpengine = await startRtpengine({ runDir, mediaPorts: 4 * maxCalls + 100 });
    stack.push(rtpengine);
    const customers = await startSipp({ runDir, scenario: 'media-customer' });
    stack.push(customers);
    const agents = await startSipp({ runDir, scenario: 'media-agent' });
    stack.push(agents);
    const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${customers.port}`, benchPhonesOnTrunk: true });
    stack.push(kamailio);
    await registerAgents(kamailio.sip, Array.from({ length: maxCalls }, (_, i) => `agent-${i + 1}`), `127.0.0.1:${agents.port}`);
    ua = await DialerUserAgent.connect(kamailio.ws, { keepalive: null, auth: { secret: kamailio.secret } });
    ng = await NgClient.open(rtpengine.ng);
    const relay = new MediaRelay(ng);
    const dial = ua.dial.bind(ua);

    console.log(`bench:media — SIPp customers ↔ rtpengine ↔ SIPp agents, bridged by the dialer (sip.js in Node → Kamailio, ng to rtpengine)`);
    console.log(`  ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; audio: PCMA, ${1000 / FRAME_MS} packets/s each way, ${seconds} s a leg (${framesPerLeg} packets); rtpengine media ports ${rtpengine.media.min}-${rtpengine.media.max}`);
    console.log('  calls | held | cust→agent sent / rtpengine got | agent→cust sent / rtpengine got | loss % | rtpengine CPU % (per call) | Node % | SIPp % | Kamailio % | hold s | load');
    const results = [];
    let seq = 0;
    for (const n of steps) {
      const calls: Call[] = [];
      let failed = 0;
      let next = 0;
      const logFrom = statSync(rtpengine.logFile).size;
      const t0 = performance.now();
      const worker = async () => {
        while (next < n) {
          const i = next++;
          const r = await dial(`+3361${String(++seq).padStart(7, '0')}`, { ringTimeoutMs: 30_000 });
          if (r.outcome !== 'answered') { failed++; continue; }
          const b = await bridgeToAgent(dial, r.leg, `agent-${i + 1}`, { relay, agentKind: 'rtp' });
          if (b.kind !== 'bridged') { failed++; await r.leg.hangup().catch(() => {}); continue; }
          calls.push({ callId: r.leg.dialog!.callId, customerTag: r.leg.dialog!.remoteTag, agentTag: b.agentLeg.dialog!.remoteTag, customer: r.leg, agent: b.agentLeg });
        }
      };
      await Promise.all(Array.from({ length: Math.min(window, n) }, worker));
      const tAll = performance.now();
      let ended = 0;
      for (const c of calls) void Promise.race([c.customer.ended, c.agent.ended]).then(() => ended++);

      // CPU while every call plays both ways: from just after the last bridge to the end of the first call's stream.
      await sleep(500);
      const sample = () => ({ at: performance.now(), rtpengine: groupTicks(rtpengine.pid), sipp: groupTicks(customers.pid) + groupTicks(agents.pid), kamailio: groupTicks(kamailio.pid), node: process.cpuUsage() });
      const a = sample();
      await sleep(t0 + seconds * 1000 - 500 - performance.now());
      const b = sample();
      const holdSeconds = (b.at - a.at) / 1000;
      const pct = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / holdSeconds;
      const nodeCpu = process.cpuUsage(a.node);
      const cpu = {
        rtpengine: pct(b.rtpengine - a.rtpengine),
        node: (100 * (nodeCpu.user + nodeCpu.system)) / 1e6 / holdSeconds,
        sipp: pct(b.sipp - a.sipp),
        kamailio: pct(b.kamailio - a.kamailio),
      };
      const held = calls.length - ended;

      // Every stream played to its end (the last ones started at tAll), then rtpengine's count per side.
      await sleep(tAll + seconds * 1000 + 2000 - performance.now());
      let fromCustomers = 0;
      let fromAgents = 0;
      let unknown = 0;
      let errors = 0;
      // A few queries at a time: each reply is a few kB, and 250 at once overflow the ng client's socket buffer.
      const replies: (NgReply | null)[] = [];
      for (let k = 0; k < calls.length; k += 20) replies.push(...(await Promise.all(calls.slice(k, k + 20).map((c) => relay.query(c.callId).catch(() => null)))));
      replies.forEach((reply, k) => {
        const c = calls[k]!;
        const fc = reply && rtpIn(reply, c.customerTag);
        const fa = reply && rtpIn(reply, c.agentTag);
        if (!fc || !fa) { unknown++; return; }
        fromCustomers += fc.packets;
        fromAgents += fa.packets;
        errors += fc.errors + fa.errors;
      });
      if (process.argv.includes('--dump') && replies[0]) console.log(JSON.stringify(replies[0], null, 1));
      // Only the calls rtpengine accounted for are counted.
      const sentEachWay = (calls.length - unknown) * framesPerLeg;
      const lossPct = sentEachWay ? (100 * (2 * sentEachWay - fromCustomers - fromAgents)) / (2 * sentEachWay) : NaN;

      const t1 = performance.now();
      await Promise.all(calls.flatMap((c) => [c.customer.hangup().catch(() => {}), c.agent.hangup().catch(() => {})]));
      await Promise.all(calls.flatMap((c) => [c.customer.ended, c.agent.ended]));
      const teardownMs = performance.now() - t1;
      const load = loadavg()[0]!;
      // rtpengine reads at most 50 packets of a socket at a time; more queued (a second of audio) is logged, and a
      // socket found so 5 times is no longer read at all: its packets are lost. The messages are rate-limited.
      const log = readFileSync(rtpengine.logFile).subarray(logFrom).toString();
      const overflows = (log.match(/Too many packets in UDP receive queue/g) ?? []).length;
      const abandoned = (log.match(/UDP receive queue exceeded/g) ?? []).length;
      const result = {
        calls: n, bridged: calls.length, failed, held, setup_seconds: Number(((tAll - t0) / 1000).toFixed(2)), hold_seconds: Number(holdSeconds.toFixed(1)),
        customer_to_agent: { sent: sentEachWay, received_by_rtpengine: fromCustomers },
        agent_to_customer: { sent: sentEachWay, received_by_rtpengine: fromAgents },
        rtpengine_errors: errors, rtpengine_queue_overflows_logged: overflows, rtpengine_streams_abandoned_logged: abandoned, calls_not_found_by_query: unknown, loss_pct: Number(lossPct.toFixed(3)),
        cpu_pct: { rtpengine: Number(cpu.rtpengine.toFixed(1)), rtpengine_per_call: Number((cpu.rtpengine / Math.max(1, held)).toFixed(3)), node: Number(cpu.node.toFixed(1)), sipp: Number(cpu.sipp.toFixed(1)), kamailio: Number(cpu.kamailio.toFixed(1)) },
        teardown_ms: Math.round(teardownMs), load_average_1m: Number(load.toFixed(2)),
      };
      results.push(result);
      console.log(`  ${String(n).padStart(5)} | ${String(held).padStart(4)} | ${sentEachWay} / ${fromCustomers} | ${sentEachWay} / ${fromAgents} | ${result.loss_pct.toFixed(3)} | ${result.cpu_pct.rtpengine.toFixed(1)} (${result.cpu_pct.rtpengine_per_call.toFixed(3)}) | ${result.cpu_pct.node.toFixed(1)} | ${result.cpu_pct.sipp.toFixed(1)} | ${result.cpu_pct.kamailio.toFixed(1)} | ${result.hold_seconds} | ${load.toFixed(2)}${failed ? `  (${failed} calls failed to set up)` : ''}${unknown ? `  (${unknown} calls unknown to rtpengine)` : ''}${errors ? `  (${errors} rtpengine errors)` : ''}${overflows || abandoned ? `  (rtpengine logged ${overflows} receive-queue overflows, ${abandoned} streams no longer read)` : ''}`);

      const busy = cpu.rtpengine + cpu.node + cpu.sipp + cpu.kamailio;
      if (failed || unknown || held < n) { console.log(`  stopped: ${failed} failed set-ups, ${n - held} calls not held, ${unknown} not found by query`); break; }
      if (lossPct > 0) { console.log(`  stopped: packet loss at ${n} calls`); break; }
      if (busy > 100 * cpus().length * 0.9) { console.log(`  stopped: the stack used ${busy.toFixed(0)} % CPU of ${100 * cpus().length} %: the machine is saturated`); break; }
      await sleep(2000);
    }
    const best = results.filter((r) => r.loss_pct === 0 && r.failed === 0 && r.held === r.calls).at(-1);
    console.log(`  most concurrent calls with audio both ways and no loss: ${best?.held ?? 0}   (target ≥ 100 on 2 cores)`);
    console.log(`  load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (process.argv.includes('--json')) console.log(JSON.stringify({ seconds, framesPerLeg, steps: results }));
  } finally {
    ng?.close();
    await ua?.stop().catch(() => {});
    for (const s of stack.reverse()) await s.stop().catch(() => {});
  }
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
