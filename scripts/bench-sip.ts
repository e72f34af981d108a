// npm run bench:sip [-- --calls N --window W] — real SIP set-up rate and concurrent calls: the dialer's sip.js
// user agent in Node → Kamailio (WebSocket) → a SIPp UAS that answers at once and holds every call until our
// BYE. Phase 1 sets up N calls (default 2,000) with at most W (default 400) set-ups in flight; they all stay
// up, which is phase 2: how many calls are held at once. Phase 3 tears them all down.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DialerUserAgent, type AnsweredLeg } from '@/dialer/sip/dialer-ua';
import { ensureSipTools, startKamailio, startSipp } from '@/dialer/sip/local-stack';

const flag = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };

async function main() {
  const calls = flag('--calls', 2000);
  const window = flag('--window', 400);
  ensureSipTools();
  const runDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-sip-'));
  const sipp = await startSipp({ runDir, scenario: 'hold' });
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  const ua = await DialerUserAgent.connect(kamailio.ws, { auth: { secret: kamailio.secret } });
  try {
    const legs: AnsweredLeg[] = [];
    let failed = 0;
    let next = 0;
    const setupMs: number[] = [];
    const t0 = performance.now();
    const worker = async () => {
      while (next < calls) {
        const n = next++;
        const start = performance.now();
        const r = await ua.dial(`+3361${String(n).padStart(7, '0')}`, { ringTimeoutMs: 30_000 });
        if (r.outcome === 'answered') { legs.push(r.leg); setupMs.push(performance.now() - start); } else failed++;
      }
    };
    await Promise.all(Array.from({ length: window }, worker));
    const setupSeconds = (performance.now() - t0) / 1000;
    setupMs.sort((a, b) => a - b);
    const q = (p: number) => setupMs[Math.min(setupMs.length - 1, Math.floor(p * setupMs.length))]!.toFixed(0);

    // Every answered call is still up: none has ended by either side.
    let ended = 0;
    for (const leg of legs) void leg.ended.then(() => ended++);
    await new Promise((r) => setTimeout(r, 1000));
    const held = legs.length - ended;

    const t1 = performance.now();
    for (let i = 0; i < legs.length; i += window) await Promise.all(legs.slice(i, i + window).map((l) => l.hangup()));
    await Promise.all(legs.map((l) => l.ended));
    const teardownSeconds = (performance.now() - t1) / 1000;

    const result = {
      calls, window, answered: legs.length, failed,
      setups_per_second: Math.round(legs.length / setupSeconds),
      setup_ms_p50: Number(q(0.5)), setup_ms_p95: Number(q(0.95)),
      concurrent_calls_held: held,
      teardowns_per_second: Math.round(legs.length / teardownSeconds),
    };
    console.log(`bench:sip — sip.js in Node → Kamailio (WebSocket) → SIPp, ${calls} calls, ${window} set-ups in flight`);
    console.log(`  set-ups/s            ${result.setups_per_second}   (target ≥ 200; set-up time p50 ${result.setup_ms_p50} ms, p95 ${result.setup_ms_p95} ms)`);
    console.log(`  concurrent calls     ${result.concurrent_calls_held}   (target ≥ 1,000; all held at once, none dropped)`);
    console.log(`  tear-downs/s         ${result.teardowns_per_second}`);
    console.log(`  failed set-ups       ${failed}`);
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  } finally {
    await ua.stop();
    await kamailio.stop();
    await sipp.stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
