// The adversarial tenancy test of the route handlers (issue 22): every `app/api/**/route.ts`, read from the file
// system, and every HTTP method it exports, called by every demo role, by an API key and by nobody with the ids (or
// public API codes) of another tenant built here, and with the caller's own ids but one. A portal route must answer
// 401 without a session and 403 or 404 with one; a public API route 401 without a valid key and, with the demo
// key, what it answers for a campaign the key's organization does not have. The other tenant's rows must be the
// same afterwards, and no answer may show its data. A route or a method missing from ROUTES fails the test.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '@/server/api-keys/keys';
import type { SessionUser } from '@/server/auth/session-user';
import {
  buildWorld, DEMO_CALLERS, importsSettled, leaks, proceduresOf, tenantChecksum, variants, type Build, type Tenant, type TenantIds, type World,
} from '@/server/testing/adversary';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { buildersOf } from '@/server/testing/procedure-inputs';
import { appRouter } from '@/server/trpc/root';

// The session the portal's routes see (tRPC's createContext and withPortalScope both ask currentUser): set per call.
// next-auth's cookie and JWT handling is not under test here (server/auth's tests); who the session is, is.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/server/auth/options', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/auth/options')>()),
  currentUser: async () => session.user,
}));

const ROOT = path.resolve(__dirname, '../..');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/** A request to make: the path (with its query) and the rest. */
interface Call { path: string; init?: RequestInit }

/** Who a route lets in: a portal session, or a public API key. */
type Gate = 'session' | 'api key';
interface Taught {
  gate: Gate;
  /** The requests, each built from a tenant's ids. */
  calls: Build<Call>[];
  /** For an API route: the answer to the demo key naming another organization's campaign; a reason when it is wrong. */
  withKey?: (status: number, body: string) => string | null;
  /** The positive control, when not `calls` on the caller's own ids (each must answer 2xx). */
  control?: Build<Call>[];
  /** False: the other tenant's ids only, not mixed with the caller's own (those mixes are tested elsewhere). */
  mixes?: false;
  /** The signed-in accounts to call it as, when not every one (anonymous and the other callers always). */
  accounts?: readonly string[];
}
type RouteTeaching = { public: string } | Partial<Record<Method, Taught>>;

const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const upload = (purpose: string, name: string, body: string, where: string): Call =>
  ({ path: `/api/files?purpose=${purpose}&name=${name}${where}`, init: { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } } });
const trpcQuery = (p: string, input: unknown): Call => ({ path: `/api/trpc/${p}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}` });
const trpcMutation = (p: string, input: unknown): Call => ({ path: `/api/trpc/${p}`, init: json('POST', input) });
/** Every taught procedure input of the tRPC teaching table, as a request: queries by GET, mutations by POST. */
const trpcCalls = (type: 'query' | 'mutation') => proceduresOf(appRouter).filter((p) => p.type === type)
  .flatMap(({ path: p }) => buildersOf(p).map(({ build }): Build<Call> => (t) => (type === 'query' ? trpcQuery : trpcMutation)(p, build(t))));

const TRPC_ACCOUNTS = ['manager@callpro.test', 'agent1@callpro.test', 'client@acme.test'];

/** The teaching table, in the order the routes are called: the provisioning PUT last (it creates a demo campaign named like the other's). */
const ROUTES: Record<string, RouteTeaching> = {
  'app/api/[...missing]/route.ts': {
    public: 'the JSON 404 of an API address no route answers: it reads nothing and names only the path asked for',
  },
  'app/api/auth/[...nextauth]/route.ts': {
    public: 'next-auth’s sign-in, session and sign-out: it takes no tenant’s id and answers for the one signing in (server/auth’s tests)',
  },
  'app/api/set-password/route.ts': {
    public: 'the one-time link’s page: the token is the credential, it takes no tenant’s id and changes only the link’s own account (server/people’s tests)',
  },
  'app/api/surveys/answer/route.ts': {
    public: 'the survey link’s answer: the token is the credential, it takes no tenant’s id, reads nothing back and writes only its own token’s survey (server/surveys’ tests)',
  },
  'app/api/v1/surveys/tokens/route.ts': {
    GET: {
      gate: 'api key',
      calls: [(t) => ({ path: `/api/v1/surveys/tokens?campaign=${t.campaignCode}&from=2026-03-01T00:00:00Z` })],
      withKey: (status) => (status === 404 ? null : 'expected 404, the answer to a campaign code the key’s organization has not'),
    },
    POST: {
      gate: 'api key',
      calls: [(t) => ({ path: '/api/v1/surveys/tokens', init: json('POST', { call_id: t.recordedCallId }) })],
      withKey: (status) => (status === 404 ? null : 'expected 404, the answer to a call the key’s organization has not'),
    },
  },
  'app/api/files/route.ts': {
    POST: {
      gate: 'session',
      calls: [
        (t) => upload('contacts', 'liste.csv', 'Téléphone\n0612345678\n', `&partnership=${t.partnershipId}&campaign=${t.campaignId}`),
        (t) => upload('training', 'guide.pdf', '%PDF-1.7\n', `&partnership=${t.partnershipId}&campaign=${t.campaignId}`),
        (t) => upload('document', 'annexe.pdf', '%PDF-1.7\n', `&partnership=${t.partnershipId}&campaign=${t.campaignId}`),
        // Names no object: an opt-out list is its uploader's organization's.
        () => upload('opt_out', 'bloctel.csv', '0611111111\n', ''),
      ],
    },
  },
  'app/api/files/[id]/route.ts': {
    GET: {
      gate: 'session',
      calls: [
        (t) => ({ path: `/api/files/${t.contactsFileId}` }), (t) => ({ path: `/api/files/${t.trainingFileId}` }),
        (t) => ({ path: `/api/files/${t.documentFileId}` }), (t) => ({ path: `/api/files/${t.optOutFileId}` }),
        (t) => ({ path: `/api/files/${t.rejectedFileId}` }),
      ],
    },
  },
  // The wallboard's stream names no campaign: it follows the caller's scope, whatever the request says.
  'app/api/live/route.ts': {
    GET: { gate: 'session', calls: [() => ({ path: '/api/live' })] },
  },
  'app/api/live/[campaignId]/route.ts': {
    GET: { gate: 'session', calls: [(t) => ({ path: `/api/live/${t.campaignId}` }), (t) => ({ path: `/api/live/${t.inboundCampaignId}` })] },
  },
  'app/api/recordings/[callId]/route.ts': {
    // A call's recording: the outsourcer's manager, quality staff and admin of its own calls only (PRODUCT §7).
    GET: { gate: 'session', calls: [(t) => ({ path: `/api/recordings/${t.recordedCallId}` })] },
  },
  'app/api/trpc/[trpc]/route.ts': {
    // Every procedure through the HTTP endpoint, where the caller comes from the session: as an outsourcer's staff,
    // an agent, a client and nobody. Every role, and the mixes of own and foreign ids, are
    // server/trpc/adversarial.integration.test.ts's (the same procedures, the same scope, without HTTP).
    GET: { gate: 'session', calls: trpcCalls('query'), mixes: false, accounts: TRPC_ACCOUNTS, control: [(t) => trpcQuery('campaigns.get', { campaignId: t.campaignId })] },
    POST: { gate: 'session', calls: trpcCalls('mutation'), mixes: false, accounts: TRPC_ACCOUNTS, control: [(t) => trpcMutation('workspace.activity.markRead', { partnershipId: t.partnershipId })] },
  },
  'app/api/v1/kpis/route.ts': {
    GET: {
      gate: 'api key',
      calls: [(t) => ({ path: `/api/v1/kpis?campaign=${t.inboundCampaignCode}&${RANGE}` })],
      withKey: (status) => (status === 404 ? null : 'expected 404, the answer to a campaign code the key’s organization has not'),
    },
  },
  'app/api/v1/ingest/route.ts': {
    POST: {
      gate: 'api key',
      calls: [(t) => ({
        path: '/api/v1/ingest',
        init: {
          method: 'POST',
          body: [
            { kind: 'call', id: `adv-${t.inboundCampaignCode}`, campaign: t.inboundCampaignCode, direction: 'inbound', started_at: '2026-03-04T10:00:00Z', ended_at: '2026-03-04T10:01:00Z', outcome: 'abandoned', hold_seconds: 0, wrap_seconds: 0 },
            { kind: 'survey', id: `adv-s-${t.inboundCampaignCode}`, campaign: t.inboundCampaignCode, score: 9, answered_at: '2026-03-04T10:02:00Z' },
            { kind: 'agent_state', agent: 'ADV', campaign: t.inboundCampaignCode, state: 'available', at: '2026-03-04T10:00:00Z' },
          ].map((r) => JSON.stringify(r)).join('\n'),
        },
      })],
      withKey: (status, body) => {
        const answer = JSON.parse(body) as { accepted: number; rejected: { error: string }[] };
        return status === 200 && answer.accepted === 0 && answer.rejected.length === 3 && answer.rejected.every((r) => r.error.includes('unknown campaign'))
          ? null : 'expected 200 with every line refused for an unknown campaign';
      },
    },
  },
  'app/api/v1/consents/route.ts': {
    POST: {
      gate: 'api key',
      calls: [(t) => ({ path: '/api/v1/consents', init: { method: 'POST', body: JSON.stringify({ campaign: t.campaignCode, phone: '0612345678', source: 'formulaire', given_at: '2026-02-01', scope: 'client' }) } })],
      withKey: (status, body) => {
        const answer = JSON.parse(body) as { accepted: number; rejected: { error: string }[] };
        return status === 200 && answer.accepted === 0 && answer.rejected.length === 1 && answer.rejected[0]!.error.includes('no campaign')
          ? null : 'expected 200 with the line refused: no campaign of this organization';
      },
    },
  },
  'app/api/v1/consents/withdrawals/route.ts': {
    POST: {
      gate: 'api key',
      calls: [(t) => ({ path: '/api/v1/consents/withdrawals', init: { method: 'POST', body: JSON.stringify({ campaign: t.campaignCode, phone: '0612345678', withdrawn_at: '2026-03-01' }) } })],
      withKey: (status, body) => {
        const answer = JSON.parse(body) as { accepted: number; withdrawn: number; rejected: { error: string }[] };
        return status === 200 && answer.accepted === 0 && answer.withdrawn === 0 && answer.rejected.length === 1 && answer.rejected[0]!.error.includes('no campaign')
          ? null : 'expected 200 with the line refused: no campaign of this organization';
      },
    },
  },
  'app/api/v1/campaigns/[code]/route.ts': {
    PUT: {
      gate: 'api key',
      // The other's code and the other's client's name.
      calls: [(t) => ({ path: `/api/v1/campaigns/${t.campaignCode}`, init: json('PUT', { name: 'Reprise', client: 'Omega Assurances', direction: 'outbound' }) })],
      control: [(t) => ({ path: `/api/v1/campaigns/${t.campaignCode}`, init: json('PUT', { name: 'Acme — Offre verte', client: 'Acme Energie', direction: 'outbound' }) })],
      // A code is the organization's own: the other's is a new campaign of the key's organization (201), never an update of it.
      withKey: (status) => (status === 201 ? null : 'expected 201: a new campaign of the key’s own organization'),
    },
  },
};

let engine: DemoEngine;
let world: World;
const stats = { calls: 0, setupMs: 0, started: performance.now() };
const keys: Record<'demo' | 'revoked', string> = { demo: '', revoked: '' };
let routeFiles: string[];

function routeFilesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFilesUnder(`${dir}/${e.name}`) : e.name === 'route.ts' ? [`${dir}/${e.name}`] : []);
}

/** The URL pattern of a route file, as Next reads its folders: `[x]` one segment, `[...x]` the rest. */
function patternOf(file: string): RegExp {
  const segments = file.replace(/^app/, '').replace(/\/route\.ts$/, '').split('/').slice(1);
  const source = segments.map((s) => {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(s);
    if (rest) return `/(?<${rest[1]}>.+)`;
    const one = /^\[(\w+)\]$/.exec(s);
    return one ? `/(?<${one[1]}>[^/]+)` : `/${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  }).join('');
  return new RegExp(`^${source}$`);
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = new Map<string, Record<string, unknown>>();
const moduleOf = async (file: string) => modules.get(file) ?? modules.set(file, await import(path.join(ROOT, file))).get(file)!;

interface Answer { status: number; body: string }

/** Calls the route's handler as Next would: the request, and the params its folders name. */
async function request(file: string, method: Method, call: Call, who: { user: SessionUser | null; key?: string }): Promise<Answer> {
  stats.calls++;
  const url = new URL(call.path, 'http://portal.test');
  const match = patternOf(file).exec(url.pathname);
  if (!match) throw new Error(`${file}: the taught path ${call.path} is not this route's`);
  const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, file.includes(`[...${k}]`) ? v.split('/') : decodeURIComponent(v)]));
  const abort = new AbortController();
  const headers = new Headers(call.init?.headers);
  if (who.key) headers.set('authorization', `Bearer ${who.key}`);
  session.user = who.user;
  try {
    const handler = (await moduleOf(file))[method] as Handler;
    const res = await handler(new Request(url, { method, ...call.init, headers, signal: abort.signal }), { params: Promise.resolve(params) });
    // An event stream (the live monitor) never ends: its status is the answer.
    const body = res.headers.get('content-type')?.startsWith('text/event-stream') ? '' : await res.text();
    return { status: res.status, body };
  } finally {
    abort.abort();
    session.user = null;
  }
}

interface RouteCaller { name: string; user: SessionUser | null; key?: string; own: TenantIds | null }

/**
 * Every taught request of every route by each caller (the portal's to portal routes, the API's to API routes) against
 * `other`'s ids: the failures, one line each, naming the method, the path, the caller and the variant.
 */
async function attack(sessionCallers: RouteCaller[], keyCallers: RouteCaller[], other: Tenant): Promise<string[]> {
  const failures: string[] = [];
  for (const [file, teaching] of Object.entries(ROUTES)) {
    for (const method of taughtMethods(teaching)) {
      const taught = (teaching as Partial<Record<Method, Taught>>)[method]!;
      const callers = taught.gate === 'session' ? sessionCallers : keyCallers;
      for (const caller of callers.filter((c) => !c.user || !taught.accounts || taught.accounts.includes(c.name))) {
        for (const build of taught.calls) {
          for (const v of variants(build, other.ids, taught.mixes === false ? null : caller.own)) {
            const got = await request(file, method, v.input, caller);
            const where = `${method} ${v.input.path} as ${caller.name} (${v.label})`;
            // An answer may repeat what the request said (a refused line names its campaign code).
            const shown = leaks(got.body, other.marks, `${decodeURIComponent(v.input.path)} ${String(v.input.init?.body ?? '')}`);
            if (shown.length) failures.push(`${where}: ${got.status}, and the answer shows the other tenant’s ${shown.join(', ')}`);
            const signedIn = taught.gate === 'session' ? caller.user !== null : caller.key === keys.demo;
            let wrong: string | null;
            if (!signedIn) wrong = got.status === 401 ? null : 'expected 401';
            // 412: a refusal that names nothing (the desk's actions while no dialer runs).
            else if (v.foreign.length === 0) wrong = got.status < 300 || [403, 404, 412].includes(got.status) ? null : 'expected 2xx (showing nothing of the other tenant), 403, 404 or 412';
            else if (taught.withKey) wrong = taught.withKey(got.status, got.body);
            else wrong = got.status === 403 || got.status === 404 ? null : 'expected 403 or 404';
            if (wrong) failures.push(`${where}: ${got.status} ${got.body.slice(0, 160)}, ${wrong}`);
          }
        }
      }
    }
  }
  return failures;
}

const taughtMethods = (t: RouteTeaching) => ('public' in t ? [] : (Object.keys(t) as Method[]));

beforeAll(async () => {
  const t0 = performance.now();
  engine = await openDemoEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  world = await buildWorld(engine.ch);
  keys.demo = world.acme.apiKey;
  const revoked = await createApiKey(engine.ch, world.acme.ids.outsourcerOrgId, 'révoquée', 'test');
  await revokeApiKey(engine.ch, world.acme.ids.outsourcerOrgId, revoked.record.id);
  keys.revoked = revoked.key;
  routeFiles = routeFilesUnder('app/api').sort();
  stats.setupMs = performance.now() - t0;
});
afterAll(async () => {
  await engine?.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`adversarial route test: ${routeFiles.length} route files, ${stats.calls} handler calls; set-up ${s(stats.setupMs)}, whole file ${s(performance.now() - stats.started)}`);
});

describe('the adversarial tenancy test of the route handlers', () => {
  it('knows every route file under app/api and every method each exports, and only those', async () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(8);
    const untaught = routeFiles.filter((f) => !ROUTES[f]);
    expect.soft(untaught, 'Route files the adversarial test does not know: teach them in ROUTES').toEqual([]);
    expect.soft(Object.keys(ROUTES).filter((f) => !routeFiles.includes(f)), 'Taught routes that no longer exist').toEqual([]);
    for (const file of routeFiles) {
      const mod = await moduleOf(file);
      const exported = METHODS.filter((m) => typeof mod[m] === 'function');
      const teaching = ROUTES[file]!;
      if ('public' in teaching) continue;
      expect.soft(exported, `${file}: the methods it exports, each taught`).toEqual(METHODS.filter((m) => teaching[m]));
    }
  });

  it('has requests each route answers 2xx on the caller’s own ids (the control: a refusal below is the gate’s)', async () => {
    const failures: string[] = [];
    for (const [file, teaching] of Object.entries(ROUTES)) {
      for (const method of taughtMethods(teaching)) {
        const taught = (teaching as Partial<Record<Method, Taught>>)[method]!;
        const who = taught.gate === 'session' ? { user: world.sessions.get('manager@callpro.test')! } : { user: null, key: keys.demo };
        for (const build of taught.control ?? taught.calls) {
          const call = build(world.acme.ids);
          const got = await request(file, method, call, who);
          if (got.status < 200 || got.status > 299) failures.push(`${method} ${call.path}: ${got.status} ${got.body.slice(0, 200)}`);
        }
      }
    }
    await importsSettled(engine.ch);
    expect(failures).toEqual([]);
  });

  it('refuses every route, to every demo role, API key and anonymous, on another tenant’s ids, and changes nothing of it', async () => {
    const before = await tenantChecksum(engine.ch, world.foreign.rowMarks);
    const failures = await attack([
      ...DEMO_CALLERS.map((email) => ({ name: email, user: world.sessions.get(email)!, own: world.ownOf(email) })),
      { name: 'anonymous', user: null, own: null },
      { name: 'the demo API key without a session', user: null, key: keys.demo, own: null },
    ], [
      { name: 'the demo API key', user: null, key: keys.demo, own: world.acme.ids },
      { name: 'a revoked demo API key', user: null, key: keys.revoked, own: null },
      { name: 'no API key', user: null, own: null },
      { name: 'manager@callpro.test’s session without a key', user: world.sessions.get('manager@callpro.test')!, own: null },
    ], world.foreign);
    await importsSettled(engine.ch);
    expect.soft(failures).toEqual([]);
    expect(await tenantChecksum(engine.ch, world.foreign.rowMarks), 'the other tenant’s rows').toEqual(before);
  });

  it('refuses the portal routes to the Horizon side on Acme’s ids, and changes nothing of Acme', async () => {
    const before = await tenantChecksum(engine.ch, world.acmeOnly.rowMarks);
    // The API routes answer for the key's organization, CallPro, which serves both: nothing to refuse there.
    const failures = await attack(['client@horizon.test', 'agent3@callpro.test'].map((email) => ({ name: email, user: world.sessions.get(email)!, own: world.ownOf(email) })), [], world.acmeOnly);
    await importsSettled(engine.ch);
    expect.soft(failures).toEqual([]);
    expect(await tenantChecksum(engine.ch, world.acmeOnly.rowMarks), 'Acme’s rows').toEqual(before);
  });
});
