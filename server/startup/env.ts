// Every environment variable Relais reads, validated here and nowhere else: start-up checks them all before it
// touches the data directory (a bad value stops it naming the variable), and the modules that need one read the
// validated value through `serverEnv()`. An empty value counts as unset.
import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { KEY_PREFIX } from '@/server/api-keys/keys';

const mib = z.coerce.number().positive('must be a positive number of MiB');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RELAIS_HOST: z.string().default('0.0.0.0'),
  RELAIS_DATA_DIR: z.string().default('./data'),
  RELAIS_SEED: z.enum(['0', '1']).default('1'),
  RELAIS_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  RELAIS_DEBUG: z.string().optional(),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DB: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  RELAIS_SIP_WS: z.string().regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// address').optional(),
  /** The auth_ephemeral secret shared with the proxy of RELAIS_SIP_WS (`--with-sip` draws its own). */
  RELAIS_SIP_SECRET: z.string().min(16, 'must be at least 16 characters long').optional(),
  /** The proxy's WebSocket as agents' browsers reach it (wss://host/sip behind TLS); the dialer's RELAIS_SIP_WS when unset. */
  RELAIS_SIP_WS_PUBLIC: z.string().regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// address').optional(),
  /** ICE servers for agents' browsers behind a NAT (comma-separated stun:/turn:/turns: URLs; server/desk/ice-servers.ts). */
  RELAIS_TURN_URLS: z.string().refine((v) => v.split(',').every((u) => /^(stun|stuns|turn|turns):\S+$/.test(u.trim())), 'must be comma-separated stun:, turn: or turns: URLs').optional(),
  /** The TURN server's static-auth-secret (coturn `use-auth-secret`): agents' TURN credentials are minted from it. */
  RELAIS_TURN_SECRET: z.string().min(16, 'must be at least 16 characters long').optional(),
  RELAIS_SIP_WS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  RELAIS_SIP_KEEPALIVE_SECONDS: z.coerce.number().min(0, 'must be 0 (off) or a number of seconds').max(3600).optional(),
  RELAIS_BOOTSTRAP_API_KEY: z.string().startsWith(KEY_PREFIX, `must start with "${KEY_PREFIX}"`).min(20, 'must be at least 20 characters long').optional(),
  RELAIS_INGEST_MAX_MIB: mib.optional(),
  RELAIS_UPLOAD_MAX_MIB: mib.optional(),
  /** Parse workers of the ingest; 0 parses on the event loop. */
  RELAIS_INGEST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** Tests and benches: where the shared real call-center datasets are. */
  RELAIS_DATASETS_DIR: z.string().optional(),
}).superRefine((env, ctx) => {
  if (/(^|,)\s*turns?:/.test(env.RELAIS_TURN_URLS ?? '') && !env.RELAIS_TURN_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['RELAIS_TURN_SECRET'], message: 'must be set (the TURN server\'s static-auth-secret) when RELAIS_TURN_URLS names a TURN server' });
  }
});

export type Env = z.infer<typeof schema>;

export function parseEnv(env: Record<string, string | undefined>): Env {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(set);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Environment variable ${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return result.data;
}

/** The process's environment, validated (read each time: tests change it, and it is cheap). */
export function serverEnv(): Env {
  return parseEnv(process.env);
}

/** The data directory, absolute. */
export function dataDirOf(env: Pick<Env, 'RELAIS_DATA_DIR'>): string {
  // The data dir is chosen at run time; tell Turbopack not to trace it into the build.
  return path.resolve(/* turbopackIgnore: true */ env.RELAIS_DATA_DIR);
}
