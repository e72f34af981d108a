'use client';
// Managers control the dialer of their outbound campaigns here.
import { DialerPanel } from '@/app/components/dialer/dialer-panel';

export default function DialerPage() {
  return <DialerPanel />;
}
