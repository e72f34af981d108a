// The audit log (admins of each organization: the outsourcer's, and a client's for its shared campaigns); the outsourcer's
// admins also see the recordings' playback log.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { Stack } from '@mantine/core';
import { AuditLog } from '@/app/components/audit-log';
import { PlaybackLog } from '@/app/components/quality/recordings/playback-log';
import { ADMINS } from '@/server/tenancy/roles';

export default async function AuditPage() {
  const user = await currentUser();
  if (!user || !ADMINS.includes(user.role)) redirect('/');
  return (
    <Stack gap="xl">
      <AuditLog />
      {user.orgKind === 'outsourcer' && <PlaybackLog />}
    </Stack>
  );
}
