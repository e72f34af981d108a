'use client';
// Subscribes to the server's change notifications (SSE) and refetches the live queries on each: one campaign's
// (the live monitor), or every campaign of the caller's scope (the wallboard).
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

function useChangeStream(url: string, queryKeys: readonly QueryKey[]): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(url);
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('changed', () => { for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey }); });
    source.onerror = () => setConnected(false);
    return () => source.close();
    // The keys are derived from the URL's subject; listing them would reconnect on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, queryClient]);
  return connected;
}

export function useLiveUpdates(campaignId: string, queryKeys: readonly QueryKey[]): boolean {
  return useChangeStream(`/api/live/${encodeURIComponent(campaignId)}`, queryKeys);
}

/** Every campaign the caller sees, on one stream. */
export function useScopeLiveUpdates(queryKeys: readonly QueryKey[]): boolean {
  return useChangeStream('/api/live', queryKeys);
}
