// The SIPp customers of `npm run start:sip`: the tests' mix (scenarios/mix.xml, where the last digit of a number
// picks the behaviour) with human durations instead of the tests' 1-s ring and 2-s talk, so the live monitor and
// the pacing look like a working day: ring 3–12 s before answering, talk 20–120 s once put through (uniform).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from './local-stack';

const RING = '<pause milliseconds="1000" />';
const TALK = '<pause milliseconds="2000" />';

function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`mix.xml changed: expected exactly one ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

export function demoCustomersXml(mixXml: string): string {
  const ring = replaceOnce(mixXml, RING, '<pause distribution="uniform" min="3000" max="12000" />');
  return replaceOnce(ring, TALK, '<pause distribution="uniform" min="20000" max="120000" />').replace('<scenario name="mix">', '<scenario name="demo-customers">');
}

/** Writes the demo customers' scenario into `runDir` and returns its path, for `startSipp({ scenarioFile })`. */
export function writeDemoCustomers(runDir: string): string {
  mkdirSync(runDir, { recursive: true });
  const file = path.join(runDir, 'demo-customers.xml');
  writeFileSync(file, demoCustomersXml(readFileSync(path.join(SCENARIOS, 'mix.xml'), 'utf8')));
  return file;
}
