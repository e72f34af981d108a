// Admin → users of the organization (outsourcer and client admins, each their own organization's; PageGate refuses
// the others).
import { UsersAdmin } from '@/app/components/people/users-admin';

export default function AdminUsersPage() {
  return <UsersAdmin />;
}
