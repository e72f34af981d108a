// The local SIP stack for tests, benchmarks and `--with-sip`: Kamailio (proxy, registrar, WebSocket) and
// SIPp playing the customers, on 127.0.0.1, each a child process with a pid file, always stopped after.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';

export const SCENARIOS = path.join(__dirname, 'scenarios');
const CONFIG = path.join(__dirname, 'kamailio.cfg');

const has = (binary: string) => ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'].some((d) => existsSync(path.join(d, binary)));

/** Kamailio and SIPp from Debian's packages, installed only when missing (root needed then). */
export function ensureSipTools(): void {
  if (has('kamailio') && has('sipp') && existsSync('/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so')) return;
  if (process.getuid?.() !== 0) throw new Error('Kamailio and SIPp are missing: run as root `apt-get install kamailio kamailio-websocket-modules sip-tester`');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'kamailio', 'kamailio-websocket-modules', 'sip-tester'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** A port free for TCP now (and, for SIPp and Kamailio's UDP listener, most likely for UDP too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForTcp(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`Nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Running { pid: number; stop: () => Promise<void> }

function supervise(child: ChildProcess, pidFile: string, name: string): Running {
  writeFileSync(pidFile, String(child.pid));
  let exited = false;
  // However the parent ends (a test worker torn down before its afterAll), the stack goes with it.
  const killOnExit = () => { if (!exited) { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } } };
  process.once('exit', killOnExit);
  const done = new Promise<void>((resolve) => child.once('exit', () => { exited = true; process.off('exit', killOnExit); resolve(); }));
  return {
    pid: child.pid!,
    stop: async () => {
      if (!exited) {
        // Kamailio forks workers into the same process group: signal the group.
        try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
        const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 3000);
        await done;
        clearTimeout(timer);
      }
      if (existsSync(pidFile)) writeFileSync(pidFile, '');
      void name;
    },
  };
}

/** Kills what a previous run left behind according to its pid file. */
function killStale(pidFile: string): void {
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
  if (pid > 0) { try { process.kill(-pid, 'SIGKILL'); } catch { /* not running */ } }
}

export interface KamailioOptions { runDir: string; sipPort: number; wsPort: number; trunk: string }

export async function startKamailio(o: KamailioOptions): Promise<Running & { ws: string; sip: string }> {
  mkdirSync(o.runDir, { recursive: true });
  const pidFile = path.join(o.runDir, 'kamailio.pid');
  killStale(pidFile);
  const config = path.join(o.runDir, 'kamailio.cfg');
  writeFileSync(config, readFileSync(CONFIG, 'utf8')
    .replace('!SIP_PORT!5060!', `!SIP_PORT!${o.sipPort}!`)
    .replace('!WS_PORT!8088!', `!WS_PORT!${o.wsPort}!`)
    .replace('!TRUNK!127.0.0.1:5070!', `!TRUNK!${o.trunk}!`));
  // -DD: stay in the foreground (our child), -E: log to stderr, -Y: runtime dir of our own.
  const child = spawn('kamailio', ['-f', config, '-DD', '-E', '-Y', o.runDir, '-w', o.runDir], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
  const running = supervise(child, pidFile, 'kamailio');
  try {
    await waitForTcp(o.wsPort, 10_000);
  } catch (err) {
    await running.stop();
    throw new Error(`Kamailio did not start: ${(err as Error).message}\n${log}`);
  }
  return { ...running, ws: `ws://127.0.0.1:${o.wsPort}`, sip: `127.0.0.1:${o.sipPort}` };
}

/** `scenarioFile`: play this file instead of `dialer/sip/scenarios/<scenario>.xml` (`scenario` still names the pid file). */
export interface SippOptions { runDir: string; scenario: string; port: number; scenarioFile?: string }

/** A SIPp UAS playing one scenario of `dialer/sip/scenarios` (name without .xml) on a UDP port. */
export async function startSipp(o: SippOptions): Promise<Running> {
  mkdirSync(o.runDir, { recursive: true });
  const pidFile = path.join(o.runDir, `sipp-${o.scenario}-${o.port}.pid`);
  killStale(pidFile);
  const child = spawn('sipp', ['-sf', o.scenarioFile ?? path.join(SCENARIOS, `${o.scenario}.xml`), '-i', '127.0.0.1', '-p', String(o.port), '-nostdin', '-m', '1000000',
    '-trace_err', '-error_file', path.join(o.runDir, `sipp-${o.scenario}-errors.log`)], { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: o.runDir });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-2000); });
  const running = supervise(child, pidFile, 'sipp');
  // SIPp binds its UDP port at once; give it a moment to read the scenario.
  await new Promise((r) => setTimeout(r, 300));
  if (child.exitCode !== null) throw new Error(`SIPp exited at start (code ${child.exitCode}); scenario ${o.scenario}: ${log.trim()}`);
  return running;
}

export interface CallInOptions {
  runDir: string;
  /** Kamailio's UDP address, host:port. */
  proxy: string;
  /** The number called: a campaign's line or caller ID. */
  number: string;
  /** One call from each of these numbers, in order (scenarios/caller.xml: a last digit 9 hangs up after 1.5 s queued). */
  callers: string[];
  callsPerSecond?: number;
}

export interface CallInResult { exitCode: number | null; log: string[] }

/** Customers calling in: a SIPp UAC playing scenarios/caller.xml, run to its end. */
export async function callIn(o: CallInOptions): Promise<CallInResult> {
  mkdirSync(o.runDir, { recursive: true });
  const tag = `caller-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const inf = path.join(o.runDir, `${tag}.csv`);
  const logFile = path.join(o.runDir, `${tag}.log`);
  const errorFile = path.join(o.runDir, `${tag}-errors.log`);
  writeFileSync(inf, ['SEQUENTIAL', ...o.callers.map((c) => `${c};`)].join('\n') + '\n');
  const child = spawn('sipp', [o.proxy, '-sf', path.join(SCENARIOS, 'caller.xml'), '-s', o.number, '-i', '127.0.0.1', '-p', String(await freePort()),
    '-inf', inf, '-m', String(o.callers.length), '-r', String(o.callsPerSecond ?? 10), '-nostdin', '-trace_logs', '-log_file', logFile,
    '-trace_err', '-error_file', errorFile], { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: o.runDir });
  const running = supervise(child, path.join(o.runDir, `${tag}.pid`), 'sipp-caller');
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await running.stop();
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
  // Only SIPp's account of what went wrong is kept, when there is one.
  for (const f of [inf, logFile, path.join(o.runDir, `${tag}.pid`)]) rmSync(f, { force: true });
  if (existsSync(errorFile) && statSync(errorFile).size === 0) rmSync(errorFile);
  return { exitCode, log };
}
