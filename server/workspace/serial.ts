// One writer at a time per key in this process (the process owns the data directory), so two people
// signing the same version at once cannot both succeed, and revision numbers never collide.
import { processSingleton } from '@/clickhouse/process-singleton';

const tails = processSingleton('workspace-serial', () => new Map<string, Promise<unknown>>());

export function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
