// What the co-located dialer reports at start-up until the dialer issue gives it a SIP stack.
export function describeDialer(sipWs: string | undefined): string {
  return sipWs ? `SIP proxy ${sipWs} configured (the dialer core is not built yet)` : 'no SIP proxy configured';
}
