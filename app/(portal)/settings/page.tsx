// Settings of the organization (the contact center's admins; PageGate refuses the others): API keys.
import { ApiKeys } from '@/app/components/api-keys';

export default function SettingsPage() {
  return <ApiKeys />;
}
