import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCustomersXml } from './demo-scenario';
import { SCENARIOS } from './local-stack';

describe('demoCustomersXml', () => {
  const mix = readFileSync(path.join(SCENARIOS, 'mix.xml'), 'utf8');

  it('is the mix with a 3–12 s ring and a 20–120 s talk, everything else unchanged', () => {
    const demo = demoCustomersXml(mix);
    expect(demo).toContain('<pause distribution="uniform" min="3000" max="12000" />');
    expect(demo).toContain('<pause distribution="uniform" min="20000" max="120000" />');
    expect(demo).not.toContain('<pause milliseconds="1000" />');
    expect(demo).not.toContain('<pause milliseconds="2000" />');
    const strip = (xml: string) => xml.replace(/<pause [^>]*\/>/g, '').replace(/<scenario name="[^"]*">/, '');
    expect(strip(demo)).toBe(strip(mix));
  });

  it('refuses a mix whose pauses changed, rather than giving the demo test timings', () => {
    expect(() => demoCustomersXml(mix.replace('<pause milliseconds="2000" />', '<pause milliseconds="2500" />'))).toThrow(/mix.xml changed/);
  });
});
