// Admin → users of the organization (outsourcer and client admins, each their own organization's).
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { ADMINS } from '@/server/tenancy/roles';
import { UsersAdmin } from '@/app/components/people/users-admin';

export default async function AdminUsersPage() {
  const user = await currentUser();
  if (!user || !ADMINS.includes(user.role)) redirect('/');
  return <UsersAdmin />;
}
