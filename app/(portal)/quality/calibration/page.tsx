// Calls evaluated by several evaluators: their answers side by side and the spread per criterion.
import { Calibration } from '@/app/components/quality/calibration';
import { evaluatorsOnly } from '@/server/quality/page-guard';

export default async function CalibrationPage() {
  await evaluatorsOnly();
  return <Calibration />;
}
