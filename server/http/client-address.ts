// Pure: the browser's address for per-address limits (sign-in). A client may send any X-Forwarded-For; only a proxy
// we run in front is believed, and only for the entry it appended (the rightmost). Without one, the socket decides.
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustProxy: boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '';
  const byProxy = header.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return (trustProxy && byProxy) || socketAddress || 'unknown';
}
