// Whether a process still runs, for the pid files and lock files left behind by a process that died: the SIP
// stack's port locks and children, and the portal's data-directory lock (server/ builds on dialer/).
import { readFileSync } from 'node:fs';

/**
 * True while `pid` runs, even when it belongs to another user (EPERM: there, but not ours to signal). A zombie (a
 * process killed whose parent has not reaped it yet, e.g. just after kill -9) is not running: it holds nothing.
 */
export function processAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !zombie(pid);
}

function zombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; comm may hold spaces and parentheses, the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (not Linux): kill's answer stands
  }
}
