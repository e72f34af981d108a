// One Relais process per data directory: a pid file taken before anything else touches the directory.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from '@/dialer/sip/process-alive';

export class DataDirInUseError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`Relais is already running on data directory ${dir} (pid ${pid}); stop it or set RELAIS_DATA_DIR to another directory.`);
  }
}

export interface DataDirLock {
  release: () => void;
  /** The last owner died without releasing it (a crash, kill -9): start-up checks what it may have left half-done. */
  uncleanStop: boolean;
}

/** Takes the lock or throws DataDirInUseError; a pid file left by a dead process is taken over. */
export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'relais.pid');
  let uncleanStop = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }), uncleanStop };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && processAlive(pid)) throw new DataDirInUseError(dir, pid);
      rmSync(file, { force: true });
      uncleanStop = true;
    }
  }
  throw new Error(`Could not take the lock file ${file}`);
}
