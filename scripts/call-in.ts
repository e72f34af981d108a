// npm run call-in [-- --to NUMBER --calls N --from NUMBER --voice] — customers calling in to the stack that
// `npm run start:sip` runs: a SIPp caller per customer calls a campaign's number through the local Kamailio
// (the demo's lines: ACME-IN +33180001000, HORIZON-IN +33180002000; calling an outbound campaign's number is
// a callback, routed to the campaign that called the customer). Callers wait in the queue, talk 2 s with the
// agent they are put through to, and hang up; a caller number ending in 9 hangs up after 1.5 s in the queue.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { callIn } from '@/dialer/sip/local-stack';
import { processAlive } from '@/dialer/sip/process-alive';
import { dataDirOf, parseEnv } from '@/server/startup/env';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };

async function main() {
  const runDir = path.join(dataDirOf(parseEnv(process.env)), 'sip');
  const config = path.join(runDir, 'kamailio.cfg');
  const pid = Number(existsSync(path.join(runDir, 'kamailio.pid')) ? readFileSync(path.join(runDir, 'kamailio.pid'), 'utf8') : 0);
  const port = existsSync(config) ? /!SIP_PORT!(\d+)!/.exec(readFileSync(config, 'utf8'))?.[1] : undefined;
  const running = processAlive(pid);
  if (!port || !running) throw new Error(`no local SIP stack in ${runDir}: start the portal with \`npm run start:sip\` first`);
  const to = arg('--to') ?? '+33180001000';
  const calls = Number(arg('--calls') ?? 3);
  const from = arg('--from');
  const callers = from ? [from] : Array.from({ length: calls }, () => `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
  console.log(`Calling ${to} from ${callers.join(', ')} through 127.0.0.1:${port}…`);
  // --voice: callers speak (7 s of recorded speech) for 8 s once put through, for an agent at the desk to hear.
  const result = await callIn({ runDir, proxy: `127.0.0.1:${port}`, number: to, callers, callsPerSecond: 2, voice: process.argv.includes('--voice') });
  for (const line of result.log) console.log(`  ${line}`);
  process.exitCode = result.exitCode ?? 1;
}

main().catch((err: Error) => { console.error(`call-in: ${err.message}`); process.exit(1); });
