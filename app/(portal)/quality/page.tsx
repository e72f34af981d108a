// The evaluation queue: the week's sample per campaign, a search to pick any call, the evaluations done, QA score per agent.
import { QualityQueue } from '@/app/components/quality/quality-queue';

export default function QualityPage() {
  return <QualityQueue />;
}
