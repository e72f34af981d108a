// Ports for the local SIP stack that no other process of the suite can be given: outside the kernel's
// ephemeral range, free for UDP and TCP on 127.0.0.1 when taken, and locked across processes until released.
import { createSocket } from 'node:dgram';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processAlive } from './process-alive';

export interface PortLease {
  readonly ports: readonly number[];
  /** Gives the ports back (idempotent); they are given back anyway when the process exits. */
  release(): void;
}

interface Range { low: number; high: number }

/**
 * `count` ports held for this process. `block`: consecutive ports starting at an even one (SIPp's media:
 * audio RTP/RTCP on the first two, video on the next two). `within`: the range to take them from, for tests
 * of the reservation itself; by default the ports outside the kernel's ephemeral range.
 */
export async function reservePorts(count: number, { block = false, within }: { block?: boolean; within?: Range } = {}): Promise<PortLease> {
  const ports: number[] = [];
  const rs = within ? [within] : ranges();
  try {
    if (block) ports.push(...(await takeBlock(rs, count)));
    else for (let i = 0; i < count; i++) ports.push(...(await takeBlock(rs, 1)));
  } catch (err) {
    for (const p of ports) unlock(p);
    throw err;
  }
  let released = false;
  return {
    ports,
    release: () => {
      if (released) return;
      released = true;
      for (const p of ports) unlock(p);
    },
  };
}

const LOCKS = path.join(tmpdir(), 'relais-ports');
const held = new Set<number>();
const lockFile = (port: number) => path.join(LOCKS, `${port}.lock`);

// A test worker torn down before its afterAll still gives its ports back; a killed one leaves stale locks,
// which the next taker finds owned by a dead pid and takes over.
process.once('exit', () => { for (const p of [...held]) unlock(p); });

/**
 * Where ports are taken from: the kernel hands out ports of its ephemeral range to every outgoing connection
 * and every bind to port 0 on the machine, at any moment, so a port in it checked free now may be some
 * other process's a millisecond later; outside it, only a process asking for that very number can take it.
 */
let candidates: Range[] | undefined;
function ranges(): Range[] {
  if (candidates) return candidates;
  const low = 20_000;
  const high = 65_535;
  let ephemeral = [32_768, 60_999];
  try {
    const read = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (read.length === 2 && read.every((n) => Number.isInteger(n) && n > 0)) ephemeral = read;
  } catch { /* not Linux: keep the kernel's default */ }
  const [eLow, eHigh] = ephemeral as [number, number];
  const outside = [{ low, high: Math.min(high, eLow - 1) }, { low: Math.max(low, eHigh + 1), high }].filter((r) => r.high - r.low >= 16);
  // An ephemeral range covering nearly everything leaves no room outside it: the locks and bind checks
  // still keep the suite's processes apart.
  candidates = outside.reduce((n, r) => n + r.high - r.low + 1, 0) >= 2_000 ? outside : [{ low, high }];
  return candidates;
}

/** A random first port of `count` consecutive ones within one of the ranges; even when `even`. */
function randomStart(rs: Range[], count: number, even: boolean): number {
  const step = even ? 2 : 1;
  const starts = rs.map((r) => {
    const first = even ? r.low + (r.low % 2) : r.low;
    const last = r.high - count + 1;
    return { first, n: last < first ? 0 : Math.floor((last - first) / step) + 1 };
  });
  let pick = Math.floor(Math.random() * starts.reduce((sum, s) => sum + s.n, 0));
  for (const s of starts) {
    if (pick < s.n) return s.first + pick * step;
    pick -= s.n;
  }
  throw new Error(`no room for ${count} ports in ${rs.map((r) => `${r.low}-${r.high}`).join(', ')}`);
}

async function takeBlock(rs: Range[], count: number): Promise<number[]> {
  mkdirSync(LOCKS, { recursive: true });
  for (let attempt = 0; attempt < 500; attempt++) {
    const first = randomStart(rs, count, count > 1);
    const taken: number[] = [];
    for (let p = first; p < first + count && lock(p); p++) taken.push(p);
    if (taken.length === count && (await Promise.all(taken.map(isFree))).every(Boolean)) return taken;
    for (const p of taken) unlock(p);
  }
  throw new Error(`no ${count === 1 ? 'free port' : `${count} consecutive free ports`} found in ${rs.map((r) => `${r.low}-${r.high}`).join(', ')} (locks in ${LOCKS})`);
}

const ownerOf = (file: string): number => {
  try { return Number(readFileSync(file, 'utf8')); } catch { return 0; }
};

/** Creates the port's lock with our pid, or takes over one whose owner died; false when someone holds it. */
function lock(port: number): boolean {
  if (held.has(port)) return false;
  const file = lockFile(port);
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    held.add(port);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = ownerOf(file);
  // An empty or unreadable file is one being written right now: held.
  if (!(owner > 0) || owner === process.pid || processAlive(owner)) return false;
  // Two processes finding the same stale lock must not both take it: only the one creating the guard may.
  const guard = `${file}.takeover`;
  try { writeFileSync(guard, String(process.pid), { flag: 'wx' }); } catch { return false; }
  try {
    if (ownerOf(file) !== owner) return false;
    unlinkSync(file);
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    held.add(port);
    return true;
  } catch {
    return false;
  } finally {
    try { unlinkSync(guard); } catch { /* gone */ }
  }
}

function unlock(port: number): void {
  if (!held.delete(port)) return;
  const file = lockFile(port);
  try { if (ownerOf(file) === process.pid) unlinkSync(file); } catch { /* already gone */ }
}

/** Both protocols, as Kamailio listens on UDP and TCP and SIPp on UDP; 127.0.0.1 also meets a 0.0.0.0 holder. */
function isFree(port: number): Promise<boolean> {
  const udp = new Promise<boolean>((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => { try { socket.close(); } catch { /* never bound */ } resolve(false); });
    socket.bind({ port, address: '127.0.0.1', exclusive: true }, () => socket.close(() => resolve(true)));
  });
  const tcp = new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
  return Promise.all([udp, tcp]).then(([u, t]) => u && t);
}
