// Ephemeral credentials for the SIP user agents that live in the portal's process (the dialer's, the robot agent
// phones): minted from the proxy's secret and renewed at half their lifetime, so that a process running for days
// keeps authenticating. sip.js reads `authorizationUsername` / `authorizationPassword` from the user agent's
// options each time a proxy challenges a request, so renewing is rewriting them there; registrations refreshed
// later, calls placed later, take the new ones.
import { mintSipCredentials } from './ephemeral-credentials';

/** The proxy's auth_ephemeral secret, and how long each minted credential lives (default `SERVER_UA_TTL_SECONDS`). */
export interface SipAuth { secret: string; ttlSeconds?: number }

/**
 * An hour: long enough that a renewal every half hour costs nothing, short enough that credentials read from a
 * log or a heap dump are soon worth nothing. Renewal, not a TTL as long as the process, because the process's
 * life has no bound (the portal runs for weeks).
 */
export const SERVER_UA_TTL_SECONDS = 3600;

interface CredentialOptions { authorizationUsername?: string; authorizationPassword?: string }

/** Puts fresh credentials for `user` into `options` now and every half lifetime; gives the function that stops it. */
export function keepCredentialsFresh(options: CredentialOptions, user: string, auth: SipAuth | undefined, now: () => number = Date.now): () => void {
  if (!auth) return () => {};
  const ttl = auth.ttlSeconds ?? SERVER_UA_TTL_SECONDS;
  const mint = () => {
    const c = mintSipCredentials(auth.secret, user, ttl, now());
    options.authorizationUsername = c.username;
    options.authorizationPassword = c.password;
  };
  mint();
  const timer = setInterval(mint, (ttl * 1000) / 2);
  timer.unref();
  return () => clearInterval(timer);
}
