'use client';
// Subscribes to the campaign's change notifications (SSE) and refetches the live queries on each.
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

export function useLiveUpdates(campaignId: string, queryKeys: readonly QueryKey[]): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/live/${encodeURIComponent(campaignId)}`);
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('changed', () => { for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey }); });
    source.onerror = () => setConnected(false);
    return () => source.close();
    // The keys are derived from campaignId; listing them would reconnect on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId, queryClient]);
  return connected;
}
