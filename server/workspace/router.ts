// The partnership workspace's API (PRODUCT §6).
import { router } from '@/server/trpc/init';
import { activityRouter } from './activity-router';
import { briefRouter } from './brief-router';
import { specRouter } from './spec-router';
import { trainingRouter } from './training-router';

export const workspaceRouter = router({
  brief: briefRouter,
  spec: specRouter,
  training: trainingRouter,
  activity: activityRouter,
});
