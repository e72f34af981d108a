// The number inventory of the organization: outsourcer managers and admins, client admins (PageGate refuses the others).
import { currentUser } from '@/server/auth/options';
import { NumberInventory } from '@/app/components/numbers/number-inventory';

export default async function NumbersPage() {
  // The portal's layout has sent anonymous visitors to sign in before this page renders.
  const user = (await currentUser())!;
  return <NumberInventory orgKind={user.orgKind} />;
}
