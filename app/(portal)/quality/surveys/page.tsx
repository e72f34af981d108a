// The survey inbox (/quality/surveys): the partnership's members (both sides but agents; PageGate refuses agents);
// the client reads it.
import { SurveyInbox } from '@/app/components/quality/surveys/survey-inbox';

export default function SurveysPage() {
  return <SurveyInbox />;
}
