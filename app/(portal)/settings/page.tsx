// Settings of the organization (admins): API keys.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { ApiKeys } from '@/app/components/api-keys';

export default async function SettingsPage() {
  const user = await currentUser();
  if (!user || user.role !== 'admin') redirect('/');
  return <ApiKeys />;
}
