'use client';
// A campaign's dispositions as its catalogue words them (the code when a disposition has no label or is unknown).
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';

export function useDispositionLabels(campaignId: string): (code: string) => string {
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.campaigns.settings.queryOptions({ campaignId }), enabled: campaignId !== '' });
  const labels = new Map((settings.data?.settings.dispositions ?? []).map((d) => [d.code, d.label || d.code]));
  return (code) => (code ? labels.get(code) ?? code : '—');
}
