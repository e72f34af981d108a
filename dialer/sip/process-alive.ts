// Whether a process still runs, for the pid files and lock files left behind by a process that died: the SIP
// stack's port locks and children, and the portal's data-directory lock (server/ builds on dialer/).

/** True while `pid` exists, even when it belongs to another user (EPERM: there, but not ours to signal). */
export function processAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
