'use client';
// Dates as ClickHouse returns them ("2026-11-25 08:30:00.000", UTC) shown in the reader's language.
import { useCallback } from 'react';
import { useLocale } from '@/app/i18n/client';

export function chDate(value: string | number): Date {
  return typeof value === 'number' ? new Date(value) : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

export function useWhen() {
  const [locale] = useLocale();
  return useCallback(
    (value: string | number | null | undefined) =>
      value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(chDate(value)) : '',
    [locale],
  );
}

/** Uploads a file as the raw request body, reporting progress (fetch cannot report upload progress). */
export function uploadFile(
  params: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ id: string; name: string; size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files?${new URLSearchParams({ ...params, name: file.name })}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (() => { try { return JSON.parse(xhr.responseText); } catch { return { error: xhr.statusText }; } })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body.error ?? `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error('Upload failed: network error'));
    xhr.send(file);
  });
}
