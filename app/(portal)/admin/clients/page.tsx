// Admin → client organizations (the outsourcer's admins).
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { ADMINS } from '@/server/tenancy/roles';
import { ClientsAdmin } from '@/app/components/people/clients-admin';

export default async function AdminClientsPage() {
  const user = await currentUser();
  if (!user || user.orgKind !== 'outsourcer' || !ADMINS.includes(user.role)) redirect('/');
  return <ClientsAdmin />;
}
