// Calls evaluated by several evaluators: their answers side by side and the spread per criterion.
import { Calibration } from '@/app/components/quality/calibration';

export default function CalibrationPage() {
  return <Calibration />;
}
