// The portal's tRPC endpoint; the caller's identity comes from the next-auth session cookie only.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { clickhouse } from '@/clickhouse/client';
import { currentUser } from '@/server/auth/options';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => ({ ch: clickhouse(), user: await currentUser() }),
  });

export { handler as GET, handler as POST };
