// The SIPp customers of `npm run start:sip`: the tests' mix (scenarios/mix.xml, where the last digit of a number
// picks the behaviour) with human durations instead of the tests' 1-s ring and 2-s talk, so the live monitor and
// the pacing look like a working day: ring 3–12 s before answering, talk 20–120 s once put through (uniform). Once
// put through, a customer speaks (7 s of A-law speech, sip-tester's g711a.pcap, offered PCMA first as
// caller-voice.xml does) so the agent in the browser hears someone: `npm run start:sip` and the desk's e2e test.
// Customers accept DTMF (telephone-event 101), so the agent's keypad reaches them.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from './local-stack';

const RING = '<pause milliseconds="1000" />';
export const DEMO_VOICE = '/usr/share/sip-tester/g711a.pcap';
const PCMU_ONLY = 'm=audio [media_port] RTP/AVP 0\na=rtpmap:0 PCMU/8000\n';
/**
 * A-law first, and RFC 4733 telephone-event: rtpengine passes the customer's codecs on to the browser, which can send
 * the agent's DTMF (RTCDTMFSender) only when the offer it answers carries telephone-event at the voice's 8 kHz.
 */
const PCMA_FIRST = 'm=audio [media_port] RTP/AVP 8 0 101\na=rtpmap:8 PCMA/8000\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\n';
/** The end of the bridged leg's answer (the last of mix.xml's 200s) and the ACK that follows it. */
const BRIDGED_ACK = ']]></send>\n  <recv request="ACK" />\n  <pause milliseconds="2000" />';

function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`mix.xml changed: expected exactly one ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

/** Speech once put through, then the human talk time. */
function talkAfterVoice(xml: string): string {
  return replaceOnce(xml, BRIDGED_ACK, `]]></send>\n  <recv request="ACK"><action><exec play_pcap_audio="${DEMO_VOICE}" /></action></recv>\n  <pause distribution="uniform" min="20000" max="120000" />`);
}

export function demoCustomersXml(mixXml: string): string {
  const ring = replaceOnce(mixXml, RING, '<pause distribution="uniform" min="3000" max="12000" />');
  // The customer's codecs are its first answer's (the dialer offers rtpengine's SDP from it): A-law first, as the speech.
  return talkAfterVoice(ring).split(PCMU_ONLY).join(PCMA_FIRST).replace('<scenario name="mix">', '<scenario name="demo-customers">');
}

/** Writes the demo customers' scenario into `runDir` and returns its path, for `startSipp({ scenarioFile })`. */
export function writeDemoCustomers(runDir: string): string {
  mkdirSync(runDir, { recursive: true });
  const file = path.join(runDir, 'demo-customers.xml');
  writeFileSync(file, demoCustomersXml(readFileSync(path.join(SCENARIOS, 'mix.xml'), 'utf8')));
  return file;
}
