// The ICE servers an agent's browser uses to reach rtpengine from behind a NAT: a TURN server (Debian `coturn`) with
// its REST-API credentials (`use-auth-secret`, `static-auth-secret`), minted per agent: username
// `<expiry>:<user>`, password base64(HMAC-SHA1(secret, username)), the very scheme Kamailio's auth_ephemeral checks.
// Pure; configured by RELAIS_TURN_URLS (comma-separated `turn:`/`turns:`/`stun:` URLs) and RELAIS_TURN_SECRET.
import { mintSipCredentials } from '@/dialer/sip/ephemeral-credentials';

/** TURN credentials outlive a working day's calls: coturn checks the expiry when an allocation is made or refreshed. */
export const TURN_CREDENTIALS_TTL_SECONDS = 12 * 3600;

export interface IceServer { urls: string[]; username?: string; credential?: string }

export function iceServersFor(env: { RELAIS_TURN_URLS?: string; RELAIS_TURN_SECRET?: string }, user: string, now: number): IceServer[] {
  const urls = (env.RELAIS_TURN_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const bad = urls.find((u) => !/^(stun|stuns|turn|turns):/.test(u));
  if (bad) throw new Error(`RELAIS_TURN_URLS: "${bad}" is not a stun:, stuns:, turn: or turns: URL`);
  const stun = urls.filter((u) => u.startsWith('stun'));
  const turn = urls.filter((u) => u.startsWith('turn'));
  const servers: IceServer[] = stun.length ? [{ urls: stun }] : [];
  if (turn.length) {
    if (!env.RELAIS_TURN_SECRET) throw new Error('RELAIS_TURN_URLS names a TURN server but RELAIS_TURN_SECRET (its static-auth-secret) is not set');
    const { username, password } = mintSipCredentials(env.RELAIS_TURN_SECRET, user, TURN_CREDENTIALS_TTL_SECONDS, now);
    servers.push({ urls: turn, username, credential: password });
  }
  return servers;
}
