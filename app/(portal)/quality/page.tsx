// The evaluation queue: the week's sample per campaign, a search to pick any call, the evaluations done, QA score per agent.
import { QualityQueue } from '@/app/components/quality/quality-queue';
import { evaluatorsOnly } from '@/server/quality/page-guard';

export default async function QualityPage() {
  await evaluatorsOnly();
  return <QualityQueue />;
}
