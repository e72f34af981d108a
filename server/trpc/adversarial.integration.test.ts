// The adversarial tenancy test (issue 22): every procedure of the app router, read from the router itself, called by
// every demo role and by an anonymous visitor with the ids of another tenant (a second outsourcer and its client,
// built here), and with their own ids but one. Each call must be refused (NOT_FOUND or FORBIDDEN; UNAUTHORIZED
// without a session), the other tenant's rows must be the same afterwards, and a call that names no object must
// answer nothing of the other tenant. A procedure missing from server/testing/procedure-inputs.ts fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/server/auth/session-user';
import {
  buildWorld, callerOf, callProcedure, DEMO_CALLERS, FOREIGN_CALLERS, importsSettled, leaks, proceduresOf, tenantChecksum, variants,
  type Tenant, type TenantIds, type World,
} from '@/server/testing/adversary';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { buildersOf, PROCEDURE_INPUTS } from '@/server/testing/procedure-inputs';
import { appRouter } from './root';

let engine: DemoEngine;
let world: World;
const procedures = proceduresOf(appRouter);
const stats = { calls: 0, setupMs: 0, started: performance.now() };

beforeAll(async () => {
  const t0 = performance.now();
  engine = await openDemoEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  world = await buildWorld(engine.ch);
  stats.setupMs = performance.now() - t0;
});
afterAll(async () => {
  await engine?.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`adversarial tRPC test: ${procedures.length} procedures, ${stats.calls} calls; set-up ${s(stats.setupMs)}, whole file ${s(performance.now() - stats.started)}`);
});

const REFUSED = ['NOT_FOUND', 'FORBIDDEN'];

async function call(user: SessionUser | null, path: string, input: unknown) {
  stats.calls++;
  return callProcedure(callerOf(engine.ch, user), path, input);
}

/**
 * Every taught call of every procedure by each of `callers` (null: anonymous) against `other`'s ids: the failures,
 * one line each, naming the procedure, the caller and the variant.
 */
async function attack(callers: (string | null)[], other: Tenant, { mixes = true } = {}): Promise<string[]> {
  const failures: string[] = [];
  for (const email of callers) {
    const user = email ? world.sessions.get(email)! : null;
    const who = email ?? 'anonymous';
    for (const { path } of procedures) {
      for (const { label, build } of buildersOf(path)) {
        for (const v of variants(build, other.ids, email && mixes ? world.ownOf(email) : null)) {
          const got = await call(user, path, v.input);
          const where = `${label} as ${who} (${v.label})`;
          const shown = leaks(got.code === 'OK' ? got.value : got.message, other.marks);
          if (shown.length) failures.push(`${where}: ${got.code}, and the answer shows the other tenant's ${shown.join(', ')}`);
          if (!email) {
            if (got.code !== 'UNAUTHORIZED') failures.push(`${where}: ${got.code}, expected UNAUTHORIZED`);
          } else if (v.foreign.length > 0) {
            if (!REFUSED.includes(got.code)) failures.push(`${where}: ${got.code}${got.message ? ` (${got.message})` : ''}, expected ${REFUSED.join(' or ')}`);
          } else if (!['OK', 'FORBIDDEN', 'PRECONDITION_FAILED'].includes(got.code)) {
            // PRECONDITION_FAILED: a refusal that names nothing (the desk's actions while no dialer runs).
            failures.push(`${where}: ${got.code}${got.message ? ` (${got.message})` : ''}, expected OK (showing nothing of the other tenant), FORBIDDEN or PRECONDITION_FAILED`);
          }
        }
      }
    }
  }
  return failures;
}

describe('the adversarial tenancy test', () => {
  it('knows how to call every procedure of the app router, and only those', () => {
    const untaught = procedures.filter((p) => !PROCEDURE_INPUTS[p.path]).map((p) => `${p.path} (${p.type})`);
    expect.soft(untaught, 'Procedures the adversarial test cannot build an input for: teach them in server/testing/procedure-inputs.ts').toEqual([]);
    const stale = Object.keys(PROCEDURE_INPUTS).filter((path) => !procedures.some((p) => p.path === path));
    expect(stale, 'Taught procedures the router no longer has').toEqual([]);
    expect(procedures.length).toBeGreaterThan(30);
  });

  it('has inputs each procedure accepts on the caller’s own ids (the control: a refusal below is the scope’s, not a bad input’s)', async () => {
    // The first of these accounts the procedure does not refuse must get OK.
    const tryAs = ['manager@callpro.test', 'client@acme.test', 'admin@callpro.test', 'agent1@callpro.test'];
    const failures: string[] = [];
    for (const { path } of procedures) {
      for (const { label, build } of buildersOf(path)) {
        const tried: string[] = [];
        for (const email of tryAs) {
          const got = await call(world.sessions.get(email)!, path, build(world.ownOf(email)));
          tried.push(`${email}: ${got.code}${got.message ? ` (${got.message})` : ''}`);
          if (REFUSED.includes(got.code)) continue;
          // CONFLICT, PRECONDITION_FAILED: the input and the scope passed, the procedure's own rule refused (version 1
          // is no longer the latest once the control proposed version 2; the desk's actions with no dialer running).
          if (!['OK', 'CONFLICT', 'PRECONDITION_FAILED'].includes(got.code)) failures.push(`${label}: ${tried.at(-1)}`);
          break;
        }
        if (tried.every((t) => REFUSED.some((code) => t.includes(`: ${code}`)))) failures.push(`${label}: refused to every account on its own ids (${tried.join('; ')})`);
      }
    }
    await importsSettled(engine.ch);
    expect(failures).toEqual([]);
  });

  // Every procedure as every caller: over a minute on a loaded 2-core machine, hence the longer limits below.
  it('refuses every procedure, to every demo role and to anonymous, on another tenant’s ids, and changes nothing of it', async () => {
    const before = await tenantChecksum(engine.ch, world.foreign.rowMarks);
    const failures = await attack([...DEMO_CALLERS, null], world.foreign);
    await importsSettled(engine.ch);
    expect.soft(failures).toEqual([]);
    expect(await tenantChecksum(engine.ch, world.foreign.rowMarks), 'the other tenant’s rows').toEqual(before);
  }, 240_000);

  it('refuses the Horizon side likewise on Acme’s ids, though the same outsourcer serves both, and changes nothing of Acme', async () => {
    const before = await tenantChecksum(engine.ch, world.acmeOnly.rowMarks);
    const failures = await attack(['client@horizon.test', 'agent3@callpro.test'], world.acmeOnly);
    await importsSettled(engine.ch);
    expect.soft(failures).toEqual([]);
    expect(await tenantChecksum(engine.ch, world.acmeOnly.rowMarks), 'Acme’s rows').toEqual(before);
  }, 240_000);

  it('refuses the other tenant’s users likewise on the demo tenant’s ids, and changes nothing of the demo', async () => {
    const demo: Tenant = { ...world.acme, marks: world.demoMarks, rowMarks: world.demoRowMarks };
    const before = await tenantChecksum(engine.ch, demo.rowMarks);
    // The other tenant's ids only: the mixes with the caller's own go through the same checks as above.
    const failures = await attack([...FOREIGN_CALLERS], demo, { mixes: false });
    await importsSettled(engine.ch);
    expect.soft(failures).toEqual([]);
    expect(await tenantChecksum(engine.ch, demo.rowMarks), 'the demo tenant’s rows').toEqual(before);
  }, 240_000);

  it('would see a change: the checksum moves when the other tenant’s own client marks its workspace read', async () => {
    const before = await tenantChecksum(engine.ch, world.foreign.rowMarks);
    const own: TenantIds = world.ownOf('client@omega.test');
    expect((await call(world.sessions.get('client@omega.test')!, 'workspace.activity.markRead', { partnershipId: own.partnershipId })).code).toBe('OK');
    expect(await tenantChecksum(engine.ch, world.foreign.rowMarks)).not.toEqual(before);
  });
});
