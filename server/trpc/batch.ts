// How many procedure calls one HTTP request may batch. A page batches a handful; a request batching 1,000 KPI
// queries took 13 s and slowed other tenants' simplest queries to seconds, so the endpoint refuses more (400),
// and the portal's client never batches more (app/trpc/client.tsx splits larger batches into several requests).
export const MAX_BATCH_CALLS = 20;
