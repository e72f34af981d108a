// The survey inbox (/quality/surveys): the partnership's members (both sides but agents); the client reads it.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { SurveyInbox } from '@/app/components/quality/surveys/survey-inbox';

export default async function SurveysPage() {
  const user = await currentUser();
  if (!user || !PARTNERSHIP_MEMBERS.includes(user.role)) redirect('/');
  return <SurveyInbox />;
}
