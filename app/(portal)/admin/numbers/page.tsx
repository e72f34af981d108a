// The number inventory of the organization: outsourcer managers and admins, client admins.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { NumberInventory } from '@/app/components/numbers/number-inventory';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

export default async function NumbersPage() {
  const user = await currentUser();
  if (!user || !CAMPAIGN_MANAGERS.includes(user.role)) redirect('/');
  return <NumberInventory orgKind={user.orgKind} />;
}
