// The audit log (admins of each organization: the outsourcer's, and a client's for its shared campaigns; PageGate
// refuses the others); the outsourcer's admins also see the recordings' playback log.
import { Stack } from '@mantine/core';
import { currentUser } from '@/server/auth/options';
import { AuditLog } from '@/app/components/audit-log';
import { PlaybackLog } from '@/app/components/quality/recordings/playback-log';

export default async function AuditPage() {
  // The portal's layout has sent anonymous visitors to sign in before this page renders.
  const user = (await currentUser())!;
  return (
    <Stack gap="xl">
      <AuditLog />
      {user.orgKind === 'outsourcer' && <PlaybackLog />}
    </Stack>
  );
}
