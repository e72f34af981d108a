// Why no dialer runs, in the user's language: the server says it in English (logs, API); the two reasons it gives
// are worded here, anything else shown as it came.
import { useT } from '@/app/i18n/client';

export function useDialerReason(): (reason: string) => string {
  const t = useT();
  return (reason: string) => {
    if (reason === 'no SIP proxy configured') return t('dialer.reason.noProxy');
    const unreachable = /^SIP proxy unreachable \((.*)\)$/.exec(reason);
    return unreachable ? t('dialer.reason.unreachable', { detail: unreachable[1]! }) : reason;
  };
}
