// The public survey page of a call (/s/{token}, no sign-in): the customer's language is the link's, not a cookie's.
// Nothing of the call is shown; an unknown, expired or answered link only says so.
import { LocaleProvider } from '@/app/i18n/client';
import { publicSurveyOfPage } from '@/server/surveys/links';
import { ANSWER_COMMENT_MAX } from '@/server/surveys/token';
import { SurveyForm } from './survey-form';

export const dynamic = 'force-dynamic';
export const metadata = { robots: { index: false, follow: false } };

export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const survey = await publicSurveyOfPage(token);
  return (
    <LocaleProvider locale={survey.language}>
      <SurveyForm token={token} state={survey.state} clientName={survey.clientName} commentMax={ANSWER_COMMENT_MAX} />
    </LocaleProvider>
  );
}
