// Evaluating one call: the recording, the call's facts, the grid, comments pinned to the recording, the live score.
import { EvaluateCall } from '@/app/components/quality/evaluate-call';
import { evaluatorsOnly } from '@/server/quality/page-guard';

export default async function EvaluatePage({ params }: { params: Promise<{ call: string }> }) {
  await evaluatorsOnly();
  const { call } = await params;
  return <EvaluateCall callId={decodeURIComponent(call)} />;
}
