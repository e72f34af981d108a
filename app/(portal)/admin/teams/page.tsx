// Admin → teams and assignments (the outsourcer's managers and admins; PageGate refuses the others).
import { TeamsAdmin } from '@/app/components/people/teams-admin';

export default function AdminTeamsPage() {
  return <TeamsAdmin />;
}
