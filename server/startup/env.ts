// The environment Relais reads, validated once at start-up; a bad value stops it naming the variable.
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RELAIS_HOST: z.string().default('0.0.0.0'),
  RELAIS_DATA_DIR: z.string().default('./data'),
  RELAIS_SEED: z.enum(['0', '1']).default('1'),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DB: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  RELAIS_SIP_WS: z.string().optional(),
  RELAIS_BOOTSTRAP_API_KEY: z.string().optional(),
  RELAIS_INGEST_MAX_MIB: z.coerce.number().positive().optional(),
  RELAIS_UPLOAD_MAX_MIB: z.coerce.number().positive().optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Environment variable ${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return result.data;
}
