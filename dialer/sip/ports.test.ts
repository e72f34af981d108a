// The port reservations behind the local SIP stack: outside the ephemeral range, never a port bound or held
// by another process, a dead holder's lock taken over, and disjoint between processes reserving at once.
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reservePorts } from './ports';

const LOCKS = path.join(tmpdir(), 'relais-ports');
const lockOf = (port: number) => path.join(LOCKS, `${port}.lock`);
const [ephemeralLow, ephemeralHigh] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number) as [number, number];
// The pinned-range cases use a few ports inside the ephemeral range, which the stack never takes from:
// the suite's processes reserving at the same time cannot interfere with them.
const base = 45_000 + 2 * Math.floor(Math.random() * 2_000);
const within = (low: number, high = low) => ({ within: { low, high } });

describe('reservePorts', () => {
  it('gives ports outside the ephemeral range, locked with our pid until released, then free to bind', async () => {
    const lease = await reservePorts(5);
    expect(new Set(lease.ports).size).toBe(5);
    for (const p of lease.ports) {
      expect(p < ephemeralLow || p > ephemeralHigh).toBe(true);
      expect(readFileSync(lockOf(p), 'utf8')).toBe(String(process.pid));
    }
    lease.release();
    for (const p of lease.ports) expect(existsSync(lockOf(p))).toBe(false);
  });

  it('gives a block of consecutive ports from an even one', async () => {
    const lease = await reservePorts(4, { block: true });
    const [first] = lease.ports;
    expect(first! % 2).toBe(0);
    expect(lease.ports).toEqual([first, first! + 1, first! + 2, first! + 3]);
    lease.release();
  });

  it('skips a port bound by anyone, for UDP as for TCP', async () => {
    const udp = createSocket('udp4');
    await new Promise<void>((r) => udp.bind(base, '127.0.0.1', () => r()));
    const tcp = createServer();
    await new Promise<void>((r) => tcp.listen(base + 1, '127.0.0.1', () => r()));
    try {
      const lease = await reservePorts(1, within(base, base + 2));
      expect(lease.ports).toEqual([base + 2]);
      lease.release();
    } finally {
      udp.close();
      tcp.close();
    }
  });

  it('never gives a port a live process holds, and takes over the lock of a process that died', async () => {
    mkdirSync(LOCKS, { recursive: true });
    const holder = spawn('sleep', ['30']);
    const dead = spawnSync('true').pid;
    try {
      writeFileSync(lockOf(base + 4), String(holder.pid));
      await expect(reservePorts(1, within(base + 4))).rejects.toThrow(/no free port/);
      writeFileSync(lockOf(base + 6), String(dead));
      const lease = await reservePorts(1, within(base + 6));
      expect(lease.ports).toEqual([base + 6]);
      expect(readFileSync(lockOf(base + 6), 'utf8')).toBe(String(process.pid));
      lease.release();
    } finally {
      holder.kill();
      rmSync(lockOf(base + 4), { force: true });
    }
  });

  it('gives processes reserving at the same time disjoint ports, given back when each exits', async () => {
    const script = `const { reservePorts } = require(${JSON.stringify(path.join(__dirname, 'ports.ts'))});
      reservePorts(60).then((l) => { console.log(JSON.stringify(l.ports)); process.stdin.resume(); process.stdin.on('end', () => process.exit(0)); });`;
    const children = Array.from({ length: 3 }, () => spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.resolve(__dirname, '../..'), stdio: ['pipe', 'pipe', 'inherit'] }));
    const taken = await Promise.all(children.map((c) => new Promise<number[]>((resolve) => {
      let out = '';
      c.stdout!.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('\n')) resolve(JSON.parse(out) as number[]); });
    })));
    const all = taken.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [i, ports] of taken.entries()) for (const p of ports) expect(readFileSync(lockOf(p), 'utf8')).toBe(String(children[i]!.pid));
    await Promise.all(children.map((c) => new Promise((r) => { c.once('exit', r); c.stdin!.end(); })));
    for (const p of all) expect(existsSync(lockOf(p))).toBe(false);
  }, 30_000);
});
