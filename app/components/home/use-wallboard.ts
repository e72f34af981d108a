'use client';
// The wallboard's figures, refetched on every change the server pushes for a campaign of the caller's scope (the
// live monitor's push, on one stream); the minute's poll only covers a stream lost and not yet back.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useScopeLiveUpdates } from '@/app/components/kpi/use-live-updates';

export function useWallboard() {
  const trpc = useTRPC();
  const options = trpc.home.wallboard.queryOptions(undefined, { refetchInterval: 60_000, staleTime: 0 });
  const query = useQuery(options);
  // The open alerts of the same campaigns, pushed on the same stream (an alert opening or clearing notifies it).
  const alertOptions = trpc.alerts.open.queryOptions(undefined, { refetchInterval: 60_000, staleTime: 0 });
  const alerts = useQuery(alertOptions);
  const status = useScopeLiveUpdates([options.queryKey, alertOptions.queryKey]);
  return { query, alerts, status };
}
