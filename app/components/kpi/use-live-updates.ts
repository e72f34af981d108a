'use client';
// Subscribes to the server's change notifications (SSE) and refetches the live queries on each: one campaign's
// (the live monitor), or every campaign of the caller's scope (the wallboard).
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { MessageKey } from '@/app/i18n/messages';

/**
 * The stream's state as its badge says it: "connecting" until the first `ready`, "reconnecting" only once a stream
 * that was up is lost — a page just opened has lost nothing, and saying « Reconnexion… » there reads as a fault.
 */
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';
export const LIVE_STATUS_TEXT: Record<LiveStatus, MessageKey> = { connecting: 'live.connecting', connected: 'live.connected', reconnecting: 'live.reconnecting' };

function useChangeStream(url: string, queryKeys: readonly QueryKey[]): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    const source = new EventSource(url);
    source.addEventListener('ready', () => setStatus('connected'));
    source.addEventListener('changed', () => { for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey }); });
    // EventSource retries by itself: a stream never up is still connecting, one that was up is reconnecting.
    source.onerror = () => setStatus((was) => (was === 'connecting' ? 'connecting' : 'reconnecting'));
    return () => source.close();
    // The keys are derived from the URL's subject; listing them would reconnect on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, queryClient]);
  return status;
}

export function useLiveUpdates(campaignId: string, queryKeys: readonly QueryKey[]): LiveStatus {
  return useChangeStream(`/api/live/${encodeURIComponent(campaignId)}`, queryKeys);
}

/** Every campaign the caller sees, on one stream. */
export function useScopeLiveUpdates(queryKeys: readonly QueryKey[]): LiveStatus {
  return useChangeStream('/api/live', queryKeys);
}
