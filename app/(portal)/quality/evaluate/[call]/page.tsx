'use client';
// Evaluating one call: the recording, the call's facts, the grid, comments pinned to the recording, the live score.
import { use } from 'react';
import { EvaluateCall } from '@/app/components/quality/evaluate-call';

export default function EvaluatePage({ params }: { params: Promise<{ call: string }> }) {
  const { call } = use(params);
  return <EvaluateCall callId={decodeURIComponent(call)} />;
}
