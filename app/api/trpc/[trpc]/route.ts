// The portal's tRPC endpoint; the caller's identity comes from the next-auth session cookie only.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_BATCH_CALLS } from '@/server/trpc/batch';
import { createContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

const handler = (req: Request) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext, maxBatchSize: MAX_BATCH_CALLS });

export { handler as GET, handler as POST };
