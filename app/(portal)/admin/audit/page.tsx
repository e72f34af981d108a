// The audit log (admins of each organization: the outsourcer's, and a client's for its shared campaigns).
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { AuditLog } from '@/app/components/audit-log';
import { ADMINS } from '@/server/tenancy/roles';

export default async function AuditPage() {
  const user = await currentUser();
  if (!user || !ADMINS.includes(user.role)) redirect('/');
  return <AuditLog />;
}
