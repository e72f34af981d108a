// Every router of the portal's API, in one place.
import { router, createCallerFactory } from './init';
import { campaignsRouter, partnershipsRouter } from '@/server/campaigns/router';
import { homeRouter } from '@/server/home/router';
import { teamRouter } from '@/server/team/router';
import { kpiRouter } from '@/server/kpi/router';
import { apiKeysRouter } from '@/server/api-keys/router';
import { cdrImportRouter } from '@/server/ingest/cdr-import-router';
import { workspaceRouter } from '@/server/workspace/router';
import { contactsRouter } from '@/server/contacts/router';
import { dialerRouter } from '@/server/dialer/router';
import { auditRouter } from '@/server/audit/router';
import { peopleRouter } from '@/server/people/router';
import { consentsRouter, numbersRouter } from '@/server/numbers/router';
import { deskRouter } from '@/server/desk/router';
import { qualityRouter } from '@/server/quality/router';
import { surveysRouter } from '@/server/surveys/router';
import { recordingsRouter } from '@/server/recordings/router';
import { alertsRouter } from '@/server/alerts/router';

export const appRouter = router({
  home: homeRouter,
  campaigns: campaignsRouter,
  partnerships: partnershipsRouter,
  team: teamRouter,
  kpi: kpiRouter,
  apiKeys: apiKeysRouter,
  cdrImport: cdrImportRouter,
  workspace: workspaceRouter,
  contacts: contactsRouter,
  dialer: dialerRouter,
  audit: auditRouter,
  people: peopleRouter,
  numbers: numbersRouter,
  consents: consentsRouter,
  desk: deskRouter,
  quality: qualityRouter,
  surveys: surveysRouter,
  recordings: recordingsRouter,
  alerts: alertsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
