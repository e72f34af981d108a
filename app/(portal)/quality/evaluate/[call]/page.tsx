// Evaluating one call: the recording, the call's facts, the grid, comments pinned to the recording, the live score.
import { EvaluateCall } from '@/app/components/quality/evaluate-call';
import { evaluatorsOnly } from '@/server/quality/page-guard';

export default async function EvaluatePage({ params, searchParams }: {
  params: Promise<{ call: string }>;
  searchParams: Promise<{ campaign?: string | string[] }>;
}) {
  await evaluatorsOnly();
  const [{ call }, { campaign }] = await Promise.all([params, searchParams]);
  // ?campaign= names the call's campaign: call ids are unique per campaign only.
  return <EvaluateCall callId={decodeURIComponent(call)} campaignId={typeof campaign === 'string' && campaign ? campaign : undefined} />;
}
