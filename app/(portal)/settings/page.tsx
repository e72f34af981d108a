// Settings of the organization (admins): API keys.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { ApiKeys } from '@/app/components/api-keys';
import { ADMINS } from '@/server/tenancy/roles';

export default async function SettingsPage() {
  const user = await currentUser();
  if (!user || !ADMINS.includes(user.role)) redirect('/');
  return <ApiKeys />;
}
