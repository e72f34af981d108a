// Evaluating one call (evaluators; PageGate refuses the others by the queue's rule): the recording, the call's facts, the grid, comments pinned to the recording, the live score.
import { EvaluateCall } from '@/app/components/quality/evaluate-call';

export default async function EvaluatePage({ params, searchParams }: {
  params: Promise<{ call: string }>;
  searchParams: Promise<{ campaign?: string | string[] }>;
}) {
  const [{ call }, { campaign }] = await Promise.all([params, searchParams]);
  // ?campaign= names the call's campaign: call ids are unique per campaign only.
  return <EvaluateCall callId={decodeURIComponent(call)} campaignId={typeof campaign === 'string' && campaign ? campaign : undefined} />;
}
