// Short-lived SIP credentials in the form Kamailio's auth_ephemeral module checks (username_format 1, the
// default, and sha_algorithm 0, SHA-1): the username is `<expiry as a UNIX timestamp>:<SIP user>`, the password
// base64(HMAC-SHA1(secret, username)), the secret taken as its text's bytes. Whoever holds the secret (the portal,
// the dialer) mints them; Kamailio recomputes the password from the username, refuses it once the expiry has
// passed, and checks the user after the colon against the From (and, for a REGISTER, the To) user. Pure.
import { createHmac } from 'node:crypto';

export interface SipCredentials {
  /** `<expiry>:<sipUser>`: the digest username (sip.js `authorizationUsername`). */
  username: string;
  /** The digest password (sip.js `authorizationPassword`). */
  password: string;
  /** When Kamailio stops accepting them, in ms since the epoch (a whole second). */
  expiresAt: number;
}

/** A SIP user the proxy can compare with a From/To user: no colon (the username's separator), no @ (a domain). */
const SIP_USER = /^[A-Za-z0-9+._~!$&'()*,;=-]+$/;

export function mintSipCredentials(secret: string, sipUser: string, ttlSeconds: number, now: number): SipCredentials {
  if (!secret) throw new Error('no SIP secret to mint credentials with');
  if (!SIP_USER.test(sipUser)) throw new Error(`not a SIP user credentials can name: ${JSON.stringify(sipUser)}`);
  if (!(ttlSeconds > 0)) throw new Error(`a credential's lifetime must be positive, not ${ttlSeconds}`);
  // Kamailio accepts until its clock passes the timestamp (`now > expiry` refuses), in whole seconds.
  const expiry = Math.floor(now / 1000) + Math.floor(ttlSeconds);
  const username = `${expiry}:${sipUser}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password, expiresAt: expiry * 1000 };
}
