// Every router of the portal's API, in one place.
import { router, createCallerFactory } from './init';
import { campaignsRouter, partnershipsRouter } from '@/server/campaigns/router';
import { homeRouter } from '@/server/home/router';
import { teamRouter } from '@/server/team/router';

export const appRouter = router({
  home: homeRouter,
  campaigns: campaignsRouter,
  partnerships: partnershipsRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
