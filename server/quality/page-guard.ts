// Who opens the quality workspace's pages other than the survey inbox: evaluators only (the procedures refuse the
// others anyway; the page sends them home instead of showing a refusal).
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { EVALUATORS } from '@/server/tenancy/roles';

export async function evaluatorsOnly(): Promise<void> {
  const user = await currentUser();
  if (!user || user.orgKind !== 'outsourcer' || !EVALUATORS.includes(user.role)) redirect('/');
}
