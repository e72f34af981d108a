// The tRPC context of each HTTP request (create-t3-app's createContext): the one ClickHouse client and the user of
// the next-auth session cookie — never anything the request's input says about who is calling.
import { clickhouse } from '@/clickhouse/client';
import { currentUser } from '@/server/auth/options';
import type { Context } from './init';

export async function createContext(): Promise<Context> {
  return { ch: clickhouse(), user: await currentUser(), now: Date.now };
}
