// The one-time link's page (no sign-in): the user of the link sets a password, the rules stated beside the form.
import { linkOfPage } from '@/server/people/link-page';
import { SetPasswordForm } from './set-password-form';

export const dynamic = 'force-dynamic';

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await linkOfPage(token);
  return <SetPasswordForm token={token} state={link.state} email={link.email ?? ''} purpose={link.purpose ?? 'create'} />;
}
