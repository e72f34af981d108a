// Admin → teams and assignments (the outsourcer's managers and admins).
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import { TeamsAdmin } from '@/app/components/people/teams-admin';

export default async function AdminTeamsPage() {
  const user = await currentUser();
  if (!user || user.orgKind !== 'outsourcer' || !CAMPAIGN_MANAGERS.includes(user.role)) redirect('/');
  return <TeamsAdmin />;
}
