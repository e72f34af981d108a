// Admin → client organizations (the outsourcer's admins; PageGate refuses the others).
import { ClientsAdmin } from '@/app/components/people/clients-admin';

export default function AdminClientsPage() {
  return <ClientsAdmin />;
}
