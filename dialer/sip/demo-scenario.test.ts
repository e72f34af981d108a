import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCustomersXml } from './demo-scenario';
import { SCENARIOS } from './local-stack';

describe('demoCustomersXml', () => {
  const mix = readFileSync(path.join(SCENARIOS, 'mix.xml'), 'utf8');

  it('is the mix with a 3–12 s ring, a 20–120 s talk and a voice once put through, everything else unchanged', () => {
    const demo = demoCustomersXml(mix);
    // A-law first in every answer, telephone-event for the agent's DTMF; once bridged (only there) the customer plays speech, then talks.
    expect(demo.match(/RTP\/AVP 8 0 101\na=rtpmap:8 PCMA\/8000\na=rtpmap:0 PCMU\/8000\na=rtpmap:101 telephone-event\/8000\na=fmtp:101 0-16\n/g)).toHaveLength(3);
    expect(demo.match(/play_pcap_audio/g)).toHaveLength(1);
    expect(demo).toMatch(/\]\]><\/send>\n  <recv request="ACK"><action><exec play_pcap_audio="[^"]+g711a.pcap" \/><\/action><\/recv>\n  <pause distribution="uniform" min="20000"/);
    expect(demo).toContain('<pause distribution="uniform" min="3000" max="12000" />');
    expect(demo).toContain('<pause distribution="uniform" min="20000" max="120000" />');
    expect(demo).not.toContain('<pause milliseconds="1000" />');
    expect(demo).not.toContain('<pause milliseconds="2000" />');
    const strip = (xml: string) => xml.replace(/<pause [^>]*\/>/g, '').replace(/<scenario name="[^"]*">/, '')
      .split('RTP/AVP 8 0 101\na=rtpmap:8 PCMA/8000\n').join('RTP/AVP 0\n').split('a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\n').join('').replace(/<recv request="ACK"><action><exec play_pcap_audio="[^"]*" \/><\/action><\/recv>/, '<recv request="ACK" />');
    expect(strip(demo)).toBe(strip(mix));
  });

  it('refuses a mix whose pauses changed, rather than giving the demo test timings', () => {
    expect(() => demoCustomersXml(mix.replace('<pause milliseconds="2000" />', '<pause milliseconds="2500" />'))).toThrow(/mix.xml changed/);
  });
});
