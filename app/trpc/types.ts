// What the pages know of the server's data: the inputs and outputs of the tRPC router (create-t3-app's pattern),
// never the storage or dialer modules behind it.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
