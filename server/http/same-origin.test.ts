import { describe, expect, it } from 'vitest';
import { crossSite, crossSiteRefusal } from './same-origin';
import { jsonError } from './answer';

const from = (origin: string | null, secFetchSite: string | null = null, host = 'relais.example:3000') => ({ origin, secFetchSite, host });

describe('crossSite', () => {
  it('refuses what a browser sent from another site', () => {
    expect(crossSite(from('https://evil.example'))).toBe(true);
    expect(crossSite(from('http://relais.example:3001'))).toBe(true); // another port is another origin
    expect(crossSite(from('null'))).toBe(true);
    expect(crossSite(from(null, 'cross-site'))).toBe(true);
    expect(crossSite(from(null, 'same-site'))).toBe(true); // a sibling subdomain is not the portal
  });

  it('lets the portal’s own pages and clients that are not browsers through', () => {
    expect(crossSite(from('http://relais.example:3000', 'same-origin'))).toBe(false);
    expect(crossSite(from(null, null))).toBe(false);
  });

  it('answers 403 with the reason', async () => {
    const req = new Request('http://relais.example:3000/api/files', { method: 'POST', headers: { origin: 'https://evil.example', host: 'relais.example:3000' } });
    const res = crossSiteRefusal(req, jsonError)!;
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'Refused: this request comes from another site' });
  });
});
