// The local SIP stack for tests, benchmarks and `--with-sip`: Kamailio (proxy, registrar, WebSocket),
// SIPp playing the customers and rtpengine relaying media, on 127.0.0.1, each a child process with a pid
// file, always stopped after.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processAlive } from './process-alive';
import { reservePorts } from './ports';
import { NgClient } from '@/dialer/media/ng-client';

export const SCENARIOS = path.join(__dirname, 'scenarios');
const CONFIG = path.join(__dirname, 'kamailio.cfg');

const has = (binary: string) => ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'].some((d) => existsSync(path.join(d, binary)));

const MODULES = '/usr/lib/x86_64-linux-gnu/kamailio/modules';
/** Debian's packages: the WebSocket and the ephemeral authentication modules are not in `kamailio` itself. */
const PACKAGES = ['kamailio', 'kamailio-websocket-modules', 'kamailio-autheph-modules', 'sip-tester'];

/** Kamailio (with its WebSocket and auth_ephemeral modules) and SIPp from Debian's packages, installed only when missing (root needed then). */
export function ensureSipTools(): void {
  if (has('kamailio') && has('sipp') && ['websocket.so', 'auth_ephemeral.so'].every((m) => existsSync(path.join(MODULES, m)))) return;
  if (process.getuid?.() !== 0) throw new Error(`Kamailio and SIPp are missing: run as root \`apt-get install ${PACKAGES.join(' ')}\``);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * rtpengine from Debian's package, installed only when missing (root needed then). The install is tried on
 * the package lists there are, and again after `apt-get update` when they are stale or absent.
 */
export function ensureRtpengine(): void {
  if (has('rtpengine')) return;
  if (process.getuid?.() !== 0) throw new Error('rtpengine is missing: run as root `apt-get install rtpengine-daemon`');
  const install = () => execFileSync('apt-get', ['install', '-y', '-qq', 'rtpengine-daemon'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    install();
  }
}

/**
 * espeak-ng from Debian's package, installed only when missing (root needed then): it speaks the abandoned-call
 * message into a WAV (dialer/media/message-audio.ts). Tried on the package lists there are, then after an update.
 */
export function ensureEspeak(): void {
  if (has('espeak-ng')) return;
  if (process.getuid?.() !== 0) throw new Error('espeak-ng is missing: run as root `apt-get install espeak-ng`');
  const install = () => execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'espeak-ng'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    install();
  }
}

export interface Running { pid: number; stop: () => Promise<void> }

/** A child that could not bind one of its ports at start: worth one more try on fresh ports. */
class BindError extends Error {}

/** Runs `attempt` (which reserves its own ports and gives them back when it fails) a second time after a bind failure. */
async function onFreshPortsOnce<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (first) {
    if (!(first instanceof BindError)) throw first;
    try {
      return await attempt();
    } catch (again) {
      if (!(again instanceof BindError)) throw again;
      throw new Error(`${what} could not bind its ports, also after one retry on fresh ports.\nFirst try: ${first.message}\nRetry: ${again.message}`);
    }
  }
}

/** Ports bound on 127.0.0.1 (or all addresses) now, from the kernel's tables: UDP bound, TCP listening. */
function boundPorts(): { udp: Set<number>; tcp: Set<number> } {
  const read = (file: string, listeningOnly: boolean) => {
    const ports = new Set<number>();
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { return ports; }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4 || (listeningOnly && f[3] !== '0A')) continue;
      const [ip, port] = f[1]!.split(':');
      if (ip === '0100007F' || ip === '00000000') ports.add(parseInt(port!, 16));
    }
    return ports;
  };
  return { udp: read('/proc/net/udp', false), tcp: read('/proc/net/tcp', true) };
}

/**
 * Until every port given is bound, or the child exits first (it could not start). The ports are reserved for
 * this child, so whoever binds them is it; no probe connects to them (a probe could take a port it is about to bind).
 */
async function waitBound(child: ChildProcess, want: { udp?: number[]; tcp?: number[] }, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    const now = boundPorts();
    if ((want.udp ?? []).every((p) => now.udp.has(p)) && (want.tcp ?? []).every((p) => now.tcp.has(p))) return 'ready';
    if (Date.now() > until) return 'timeout';
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

/**
 * A signal ends a process without its 'exit' handlers: vitest stops every test worker with SIGTERM (one whose
 * beforeAll timed out never reached its afterAll), Ctrl-C sends SIGINT. The children, in process groups of their
 * own, would then run on for good, holding their ports (a SIPp UAS plays a million calls). Unless the process
 * has its own handler for the signal (the portal shuts down in order), it exits through its 'exit' handlers.
 */
let signalsWatched = false;
function exitOnSignals(): void {
  if (signalsWatched) return;
  signalsWatched = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    // First in line, so that the others are still counted whatever their order (a `once` removes itself when called).
    process.prependListener(signal, () => { if (process.listenerCount(signal) === 1) process.exit(code); });
  }
}

/** Whether the process's command line names the run dir: a pid alone may have been reused by anyone since. */
function namesRunDir(pid: number, runDir: string): boolean {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir); } catch { return false; }
}

/**
 * Every child of the stack on the machine, as a file `<parent pid>-<child pid>` holding its run dir, removed
 * when it exits. A parent killed outright (vitest's SIGKILL half a second after SIGTERM, when the worker's event
 * loop was too busy to exit) leaves its children running for good: the next stack started ends them.
 */
const CHILDREN = path.join(tmpdir(), 'relais-ports', 'children');

function reapOrphans(): void {
  let names: string[] = [];
  try { names = readdirSync(CHILDREN); } catch { return; }
  for (const name of names) {
    const [parent, child] = name.split('-').map(Number) as [number, number];
    if (!(parent > 0 && child > 0)) continue;
    if (processAlive(parent)) continue;
    const file = path.join(CHILDREN, name);
    let runDir = '';
    try { runDir = readFileSync(file, 'utf8'); } catch { continue; }
    if (runDir && namesRunDir(child, runDir)) { try { process.kill(-child, 'SIGKILL'); } catch { /* gone meanwhile */ } }
    rmSync(file, { force: true });
  }
}

function supervise(child: ChildProcess, pidFile: string): Running {
  exitOnSignals();
  reapOrphans();
  writeFileSync(pidFile, String(child.pid));
  mkdirSync(CHILDREN, { recursive: true });
  const registered = path.join(CHILDREN, `${process.pid}-${child.pid}`);
  writeFileSync(registered, path.dirname(pidFile));
  let gone = false;
  // However the parent ends (a test worker torn down before its afterAll), the stack goes with it.
  const killOnExit = () => { if (!gone) { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } rmSync(registered, { force: true }); } };
  process.once('exit', killOnExit);
  const done = exited(child).then(() => { gone = true; process.off('exit', killOnExit); rmSync(registered, { force: true }); });
  return {
    pid: child.pid!,
    stop: async () => {
      if (!gone) {
        // Kamailio forks workers into the same process group: signal the group.
        try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
        const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 3000);
        await done;
        clearTimeout(timer);
      }
      if (existsSync(pidFile)) writeFileSync(pidFile, '');
    },
  };
}

/**
 * Kills what a previous run in this run dir left behind according to its pid file. Only a process whose
 * command line names the run dir: the pid of a run that ended long ago may belong to anyone by now.
 */
function killStale(pidFile: string, runDir: string): void {
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
  if (!(pid > 0) || !namesRunDir(pid, runDir)) return;
  try { process.kill(-pid, 'SIGKILL'); } catch { /* not a group leader any more */ }
}

/** `wsPort`: a WebSocket port chosen by the user (`RELAIS_SIP_WS_PORT`) instead of a reserved one. */
export interface KamailioOptions {
  runDir: string; trunk: string; wsPort?: number;
  /** `npm run bench:media` only: SIPp agents register over loopback UDP, unauthenticated (the product never sets it). */
  benchPhonesOnTrunk?: boolean;
}

export interface Kamailio extends Running {
  ws: string;
  sip: string;
  /**
   * The auth_ephemeral secret of this proxy (32 random bytes, hex), drawn when it is started and kept across
   * `halt`/`resume`: whoever mints credentials for its WebSocket clients (the dialer, the portal) needs it.
   */
  secret: string;
  /** Stops the process but keeps its ports, so that `resume` brings it back where its clients look for it. */
  halt: () => Promise<void>;
  resume: () => Promise<void>;
}

/** Kamailio on ports reserved for it (UDP SIP, TCP WebSocket), given back by `stop`. */
export async function startKamailio(o: KamailioOptions): Promise<Kamailio> {
  const runDir = path.resolve(o.runDir);
  mkdirSync(runDir, { recursive: true });
  const pidFile = path.join(runDir, 'kamailio.pid');
  killStale(pidFile, runDir);
  const config = path.join(runDir, 'kamailio.cfg');
  // Per start, never a fixed one: credentials minted for an earlier stack are worth nothing here.
  const secret = randomBytes(32).toString('hex');

  const launch = async (sipPort: number, wsPort: number): Promise<Running> => {
    writeFileSync(config, readFileSync(CONFIG, 'utf8')
      .replace('!SIP_PORT!5060!', `!SIP_PORT!${sipPort}!`)
      .replace('!WS_PORT!8088!', `!WS_PORT!${wsPort}!`)
      .replace('!TRUNK!127.0.0.1:5070!', `!TRUNK!${o.trunk}!`)
      .replace('!SIP_SECRET!unset-secret!', `!SIP_SECRET!${secret}!`)
      .replace('#!KAMAILIO\n', o.benchPhonesOnTrunk ? '#!KAMAILIO\n#!define BENCH_PHONES_ON_TRUNK\n' : '#!KAMAILIO\n'), { mode: 0o600 });
    // -DD: stay in the foreground (our child), -E: log to stderr, -Y: runtime dir of our own.
    const child = spawn('kamailio', ['-f', config, '-DD', '-E', '-Y', runDir, '-w', runDir], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
    const running = supervise(child, pidFile);
    const state = await waitBound(child, { udp: [sipPort], tcp: [wsPort] }, 10_000);
    if (state === 'ready') return running;
    await running.stop();
    const what = `Kamailio on UDP ${sipPort}, WebSocket ${wsPort}${o.wsPort ? ' (given by the caller)' : ''}`;
    if (state === 'exited' && /Address already in use/.test(log)) throw new BindError(`${what}: ${log.split('\n').filter((l) => /Address already in use/.test(l)).join('\n')}`);
    throw new Error(`Kamailio did not start (${state === 'timeout' ? 'not listening after 10 s' : `exited with code ${child.exitCode}`}): ${what}\n${log}`);
  };

  const start = async () => {
    const lease = await reservePorts(o.wsPort ? 1 : 2);
    const [sipPort, wsPort] = [lease.ports[0]!, o.wsPort ?? lease.ports[1]!];
    try {
      return { lease, sipPort, wsPort, running: await launch(sipPort, wsPort) };
    } catch (err) {
      lease.release();
      throw err;
    }
  };
  const first = await onFreshPortsOnce('Kamailio', start);
  const { lease, sipPort, wsPort } = first;
  let running: Running | null = first.running;
  const kamailio: Kamailio = {
    pid: running.pid,
    ws: `ws://127.0.0.1:${wsPort}`,
    sip: `127.0.0.1:${sipPort}`,
    secret,
    halt: async () => { await running?.stop(); running = null; },
    resume: async () => {
      if (running) return;
      running = await launch(sipPort, wsPort);
      kamailio.pid = running.pid;
    },
    stop: async () => { await kamailio.halt(); lease.release(); },
  };
  return kamailio;
}

/**
 * `scenarioFile`: play this file instead of `dialer/sip/scenarios/<scenario>.xml` (`scenario` still names the
 * pid and error files: one SIPp per scenario in a run dir). `port`: a SIP port the caller reserved (a proxy's
 * trunk already points at it); else one is reserved here.
 */
export interface SippOptions {
  runDir: string; scenario: string; port?: number; scenarioFile?: string;
  /** Values of the scenario's own `[keyword]`s (SIPp's `-key keyword value`), e.g. a media port the test listens on. */
  keys?: Record<string, string>;
}

/** The ports a SIPp binds, each reserved: SIP, media (RTP audio on `media`, video on `media + 2`), control. */
interface SippPorts { sip: number; media: number; control: number; release: () => void }

async function reserveSippPorts(sip?: number): Promise<SippPorts> {
  const own = await reservePorts(sip ? 1 : 2);
  try {
    const media = await reservePorts(4, { block: true });
    return { sip: sip ?? own.ports[1]!, control: own.ports[0]!, media: media.ports[0]!, release: () => { own.release(); media.release(); } };
  } catch (err) {
    own.release();
    throw err;
  }
}

/** Every port SIPp would otherwise pick by itself (media from 6000 up, control from 8888 up, both shared by every SIPp on the machine). */
const sippPortArgs = (p: SippPorts) => ['-i', '127.0.0.1', '-p', String(p.sip), '-mp', String(p.media), '-ci', '127.0.0.1', '-cp', String(p.control)];
const sippBound = (p: SippPorts) => ({ udp: [p.sip, p.media, p.media + 2, p.control] });
const describePorts = (p: SippPorts, given: boolean) => `SIP ${p.sip}${given ? ' (given by the caller)' : ''}, media ${p.media}-${p.media + 3}, control ${p.control}`;
/** SIPp's exit code when a socket could not be bound because its address is in use (EXIT_BIND_ERROR, -2). */
const SIPP_BIND_ERROR = 254;

/** A SIPp UAS playing one scenario of `dialer/sip/scenarios` (name without .xml) on a UDP port. */
export async function startSipp(o: SippOptions): Promise<Running & { port: number }> {
  const runDir = path.resolve(o.runDir);
  mkdirSync(runDir, { recursive: true });
  const pidFile = path.join(runDir, `sipp-${o.scenario}.pid`);
  killStale(pidFile, runDir);
  return onFreshPortsOnce(`SIPp (${o.scenario})`, async () => {
    const ports = await reserveSippPorts(o.port);
    const child = spawn('sipp', ['-sf', o.scenarioFile ?? path.join(SCENARIOS, `${o.scenario}.xml`), ...sippPortArgs(ports), ...Object.entries(o.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]), '-nostdin', '-m', '1000000',
      '-trace_err', '-error_file', path.join(runDir, `sipp-${o.scenario}-errors.log`)], { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: runDir });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-2000); });
    const running = supervise(child, pidFile);
    const state = await waitBound(child, sippBound(ports), 10_000);
    if (state === 'ready') return { pid: running.pid, port: ports.sip, stop: async () => { await running.stop(); ports.release(); } };
    await running.stop();
    ports.release();
    const what = `scenario ${o.scenario} on ${describePorts(ports, o.port !== undefined)}`;
    if (child.exitCode === SIPP_BIND_ERROR) throw new BindError(`SIPp exited at start (code ${SIPP_BIND_ERROR}, a port in use); ${what}: ${log.trim()}`);
    throw new Error(`SIPp did not start (${state === 'timeout' ? 'its ports not bound after 10 s' : `exited with code ${child.exitCode}`}); ${what}: ${log.trim()}`);
  });
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
  /** The callers speak once put through (scenarios/caller-voice.xml: 7 s of speech, 8 s of talk). */
  voice?: boolean;
  /** The callers ACK the dialer's 200 half a second late (scenarios/caller-late-ack.xml). */
  lateAck?: boolean;
}

export interface CallInResult { exitCode: number | null; log: string[] }

/** Customers calling in: a SIPp UAC playing scenarios/caller.xml, run to its end. */
export async function callIn(o: CallInOptions): Promise<CallInResult> {
  const runDir = path.resolve(o.runDir);
  mkdirSync(runDir, { recursive: true });
  return onFreshPortsOnce('SIPp caller', async () => {
    const tag = `caller-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const inf = path.join(runDir, `${tag}.csv`);
    const logFile = path.join(runDir, `${tag}.log`);
    const errorFile = path.join(runDir, `${tag}-errors.log`);
    const pidFile = path.join(runDir, `${tag}.pid`);
    writeFileSync(inf, ['SEQUENTIAL', ...o.callers.map((c) => `${c};`)].join('\n') + '\n');
    const ports = await reserveSippPorts();
    let exitCode: number | null;
    let stderr = '';
    try {
      const child = spawn('sipp', [o.proxy, '-sf', path.join(SCENARIOS, o.voice ? 'caller-voice.xml' : o.lateAck ? 'caller-late-ack.xml' : 'caller.xml'), '-s', o.number, ...sippPortArgs(ports),
        '-inf', inf, '-m', String(o.callers.length), '-r', String(o.callsPerSecond ?? 10), '-nostdin', '-trace_logs', '-log_file', logFile,
        '-trace_err', '-error_file', errorFile], { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: runDir });
      child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
      const running = supervise(child, pidFile);
      exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await running.stop();
    } finally {
      ports.release();
    }
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
    // Only SIPp's account of what went wrong is kept, when there is one.
    for (const f of [inf, logFile, pidFile]) rmSync(f, { force: true });
    if (existsSync(errorFile) && statSync(errorFile).size === 0) rmSync(errorFile);
    // Nobody was called yet: trying again places no call twice.
    if (exitCode === SIPP_BIND_ERROR && log.length === 0) throw new BindError(`SIPp caller exited at start (code ${SIPP_BIND_ERROR}, a port in use) on ${describePorts(ports, false)}: ${stderr.trim()}`);
    return { exitCode, log };
  });
}

export interface RtpengineOptions {
  runDir: string;
  /** How many UDP ports rtpengine may relay media on (2 per stream and leg). */
  mediaPorts?: number;
  /**
   * Where the calls' recordings go (`$RELAIS_DATA_DIR/recordings`): rtpengine captures recorded calls into its
   * spool `<recordingsDir>/.spool` (pcaps/, metadata/, tmp/), MediaRelay writes the WAVs beside it. Without it
   * rtpengine records nothing.
   */
  recordingsDir?: string;
}

export interface Rtpengine extends Running {
  /** The ng control address, host:port (UDP). */
  ng: string;
  /** The range its media ports are taken from, reserved for it. */
  media: { min: number; max: number };
  /** Its log (stderr), in the run dir. */
  logFile: string;
  /** The recordings dir it was started with (give it to MediaRelay), if any. */
  recordingsDir?: string;
}

/** rtpengine's spool (its pcap captures) inside a recordings dir. */
export const recordingSpoolOf = (recordingsDir: string) => path.join(path.resolve(recordingsDir), '.spool');

/** The command line of the rtpengine of a run dir (also what the README shows). */
export function rtpengineArgs(o: { ngPort: number; portMin: number; portMax: number; pidFile: string; recordingSpool?: string }): string[] {
  // Recording in userspace: each recorded call captured to a pcap in the spool (`proc`, the way to
  // rtpengine-recording-daemon, needs the kernel module's /proc/rtpengine, absent here); dialer/media/recording.ts
  // turns the capture into the call's WAV.
  const recording = o.recordingSpool ? [`--recording-dir=${o.recordingSpool}`, '--recording-method=pcap', '--recording-format=raw'] : [];
  return [
    '--config-file=none', // not /etc/rtpengine/rtpengine.conf (kernel table 0, every interface, ports 30000-40000)
    '--foreground', '--log-stderr', '--log-level=6',
    '--table=-1', // userspace forwarding only: no kernel module, no iptables
    '--interface=127.0.0.1',
    `--listen-ng=127.0.0.1:${o.ngPort}`,
    `--port-min=${o.portMin}`, `--port-max=${o.portMax}`,
    `--pidfile=${o.pidFile}`,
    '--num-threads=2', '--media-num-threads=1',
    ...recording,
  ];
}

/**
 * rtpengine relaying media in userspace on 127.0.0.1: its ng port and its media ports reserved for it (ports.ts),
 * ready once it answers an ng ping. Retried once on fresh ports when it could not bind.
 */
export async function startRtpengine(o: RtpengineOptions): Promise<Rtpengine> {
  const runDir = path.resolve(o.runDir);
  mkdirSync(runDir, { recursive: true });
  const pidFile = path.join(runDir, 'rtpengine.pid');
  const logFile = path.join(runDir, 'rtpengine.log');
  const recordingsDir = o.recordingsDir && path.resolve(o.recordingsDir);
  const recordingSpool = recordingsDir && recordingSpoolOf(recordingsDir);
  if (recordingSpool) mkdirSync(recordingSpool, { recursive: true, mode: 0o700 });
  killStale(pidFile, runDir);
  return onFreshPortsOnce('rtpengine', async () => {
    const control = await reservePorts(1);
    let media;
    try {
      media = await reservePorts(o.mediaPorts ?? 40, { block: true });
    } catch (err) {
      control.release();
      throw err;
    }
    const release = () => { control.release(); media.release(); };
    const ngPort = control.ports[0]!;
    const [portMin, portMax] = [media.ports[0]!, media.ports.at(-1)!];
    const child = spawn('rtpengine', rtpengineArgs({ ngPort, portMin, portMax, pidFile, recordingSpool }), { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: runDir });
    let log = '';
    const file = createWriteStream(logFile, { flags: 'a' });
    child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-4000); file.write(d); });
    child.once('exit', () => file.end());
    const running = supervise(child, pidFile);
    const ng = `127.0.0.1:${ngPort}`;
    const state = await waitBound(child, { udp: [ngPort] }, 10_000);
    let answered = false;
    if (state === 'ready') {
      const client = await NgClient.open(ng, { timeoutMs: 250, attempts: 20 });
      try { await client.ping(); answered = true; } catch { /* reported below */ } finally { client.close(); }
    }
    if (answered) return { pid: running.pid, ng, media: { min: portMin, max: portMax }, logFile, recordingsDir, stop: async () => { await running.stop(); release(); } };
    await running.stop();
    release();
    const what = `rtpengine on ng ${ng}, media ${portMin}-${portMax}`;
    if (/Address already in use|Failed to open|bind/i.test(log) && state === 'exited') throw new BindError(`${what}: ${log.trim().split('\n').slice(-5).join('\n')}`);
    const why = state === 'exited' ? `exited with code ${child.exitCode}` : state === 'timeout' ? 'its ng port not bound after 10 s' : 'no answer to an ng ping';
    throw new Error(`rtpengine did not start (${why}): ${what}\n${log}`);
  });
}
