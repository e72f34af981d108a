// What tests of the portal's routes start from: a real embedded engine in a temporary data dir, the demo data in it.
import { openTestEngine } from '@/clickhouse/testing/engine';
import { seedDemo } from '@/server/seed/demo';

export async function openDemoEngine() {
  const engine = await openTestEngine();
  await seedDemo(engine.ch);
  return engine;
}

export type DemoEngine = Awaited<ReturnType<typeof openDemoEngine>>;
