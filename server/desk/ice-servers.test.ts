import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, TURN_CREDENTIALS_TTL_SECONDS } from './ice-servers';

const NOW = Date.UTC(2026, 11, 5, 9, 0, 0);

describe('iceServersFor', () => {
  it('is empty without RELAIS_TURN_URLS: agents on the proxy’s network need none', () => {
    expect(iceServersFor({}, 'agent-a1', NOW)).toEqual([]);
  });

  it('mints coturn REST credentials for the agent, as coturn recomputes them from its static-auth-secret', () => {
    const [stun, turn] = iceServersFor({ RELAIS_TURN_URLS: 'stun:turn.example.com:3478, turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349', RELAIS_TURN_SECRET: 's3cret' }, 'agent-a1', NOW);
    expect(stun).toEqual({ urls: ['stun:turn.example.com:3478'] });
    expect(turn!.urls).toEqual(['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349']);
    expect(turn!.username).toBe(`${NOW / 1000 + TURN_CREDENTIALS_TTL_SECONDS}:agent-a1`);
    expect(turn!.credential).toBe(createHmac('sha1', 's3cret').update(turn!.username!).digest('base64'));
  });

  it('refuses a TURN server without its secret, and a URL that is not one', () => {
    expect(() => iceServersFor({ RELAIS_TURN_URLS: 'turn:turn.example.com' }, 'agent-a1', NOW)).toThrow(/RELAIS_TURN_SECRET/);
    expect(() => iceServersFor({ RELAIS_TURN_URLS: 'https://turn.example.com', RELAIS_TURN_SECRET: 'x' }, 'agent-a1', NOW)).toThrow(/not a stun:/);
  });
});
