// An agent's softphone stays connected while it waits for calls: Kamailio keeps an idle WebSocket open past the
// core's default TCP lifetime (120 s, after which a browser silent between calls was cut off and a call put
// through while it reconnected failed), and pings it every 30 s of silence. Real Kamailio, a raw WebSocket that
// sends nothing after its handshake; about 130 s of waiting, no work.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureSipTools, startKamailio, type Running } from './local-stack';
import { reservePorts, type PortLease } from './ports';

const IDLE_MS = 130_000;
let kamailio: Running & { ws: string };
let trunk: PortLease;

beforeAll(async () => {
  ensureSipTools();
  trunk = await reservePorts(1);
  kamailio = await startKamailio({ runDir: mkdtempSync(path.join(tmpdir(), 'relais-idle-ws-')), trunk: `127.0.0.1:${trunk.ports[0]}` });
}, 30_000);
afterAll(async () => {
  await kamailio?.stop();
  trunk?.release();
});

it('keeps a silent WebSocket open past two minutes, pinging it', async () => {
  const ws = new WebSocket(kamailio.ws, 'sip');
  const opened = Date.now();
  const pings: number[] = [];
  let closedAfter: number | undefined;
  ws.on('ping', () => pings.push(Date.now() - opened));
  ws.on('close', () => (closedAfter = Date.now() - opened));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  expect(closedAfter).toBeUndefined();
  expect(ws.readyState).toBe(WebSocket.OPEN);
  // Pinged after 30 s of silence, and again: the pongs (sent by `ws` itself) are all the traffic there is.
  expect(pings.length).toBeGreaterThanOrEqual(3);
  expect(pings[0]).toBeGreaterThan(25_000);
  expect(pings[0]).toBeLessThan(40_000);
  ws.close();
}, IDLE_MS + 20_000);
