'use client';
// The recording player of the quality workspace: HTML audio on GET /api/recordings/{callId} (byte ranges: it seeks),
// play/pause, speed 1–2×, jumps of ±10 s, a position bar, keyboard shortcuts (space, ← →, [ ]), and a clear message
// when the call has no recording or its file is gone. The parent reads the current time (comments pinned to it) and
// seeks through `seekRef`.
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Slider, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { recordingUrl } from '@/server/recordings/recording-url';

export const formatClock = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const SPEEDS = ['1', '1.25', '1.5', '2'];

export function RecordingPlayer({ callId, campaignId, recorded, onTime, seekRef }: {
  callId: string;
  campaignId: string;
  /** Whether the call's record names a recording (false: « not recorded », nothing is fetched). */
  recorded: boolean;
  onTime?: (seconds: number) => void;
  seekRef?: MutableRefObject<((seconds: number) => void) | null>;
}) {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  // Whether the caller may hear it, and whether the retention purge deleted it (the file route then answers 410).
  const info = useQuery({ ...trpc.recordings.info.queryOptions({ callId, campaignId }), enabled: recorded, retry: false });
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState('1');
  // Nothing is fetched before « Lecture »: opening an evaluation is not listening (the playback log counts listenings).
  const [state, setState] = useState<'idle' | 'ready' | 'gone'>('idle');

  const seek = useCallback((seconds: number) => {
    const a = audio.current;
    if (!a) return;
    a.currentTime = Math.min(Math.max(0, seconds), Number.isFinite(a.duration) ? a.duration : seconds);
    setTime(a.currentTime);
  }, []);
  useEffect(() => {
    if (seekRef) seekRef.current = seek;
  }, [seek, seekRef]);
  const toggle = useCallback(() => {
    const a = audio.current;
    if (!a) return;
    if (a.paused) void a.play().catch(() => setState('gone'));
    else a.pause();
  }, []);
  const changeSpeed = useCallback((value: string) => {
    setSpeed(value);
    if (audio.current) audio.current.playbackRate = Number(value);
  }, []);

  useEffect(() => {
    if (!recorded || state === 'gone') return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      if (e.key === ' ') { e.preventDefault(); toggle(); }
      else if (e.key === 'ArrowLeft') { e.preventDefault(); seek((audio.current?.currentTime ?? 0) - 10); }
      else if (e.key === 'ArrowRight') { e.preventDefault(); seek((audio.current?.currentTime ?? 0) + 10); }
      else if (e.key === '[' || e.key === ']') {
        const i = SPEEDS.indexOf(speed) + (e.key === ']' ? 1 : -1);
        changeSpeed(SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i))]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [recorded, state, toggle, seek, speed, changeSpeed]);

  if (!recorded) return <Alert color="gray" data-testid="player-none">{t('player.none')}</Alert>;
  if (info.data?.expired && info.data.expiredAt !== null) {
    const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(info.data.expiredAt);
    return <Alert color="gray" data-testid="player-expired">{t('player.expired', { date: day })}</Alert>;
  }
  if (info.data && !info.data.mayListen) return <Alert color="gray" data-testid="player-forbidden">{t('player.forbidden')}</Alert>;
  return (
    <Paper withBorder p="md" data-testid="recording-player">
      <audio
        ref={audio}
        src={recordingUrl({ callId, campaignId })}
        preload="none"
        onLoadedMetadata={(e) => { setDuration(e.currentTarget.duration); setState('ready'); }}
        onTimeUpdate={(e) => { setTime(e.currentTarget.currentTime); onTime?.(e.currentTarget.currentTime); }}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => setState('gone')}
      />
      {state === 'gone' ? <Alert color="orange" data-testid="player-gone">{t('player.gone')}</Alert> : (
        <Stack gap="xs">
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => seek(time - 10)} disabled={state !== 'ready'} aria-label={t('player.back')}>{t('player.back')}</Button>
            <Button size="xs" onClick={toggle} data-testid="player-toggle" w={90}>{playing ? t('player.pause') : t('player.play')}</Button>
            <Button size="xs" variant="default" onClick={() => seek(time + 10)} disabled={state !== 'ready'} aria-label={t('player.forward')}>{t('player.forward')}</Button>
            <Text size="sm" ff="monospace" data-testid="player-time">{formatClock(time)} / {formatClock(duration || (info.data?.durationSeconds ?? 0))}</Text>
            <Group gap={4} ml="auto">
              <Text size="xs" c="dimmed">{t('player.speed')}</Text>
              <SegmentedControl size="xs" value={speed} onChange={changeSpeed} data={SPEEDS.map((s) => ({ value: s, label: `${s.replace('.', ',')}×` }))} />
            </Group>
          </Group>
          <Slider
            thumbLabel={t('player.position')}
            thumbValueText={(v) => formatClock(v)}
            value={time}
            min={0}
            max={duration || 1}
            step={0.1}
            label={(v) => formatClock(v)}
            onChange={seek}
            disabled={state !== 'ready'}
            data-testid="player-position"
          />
          <Text size="xs" c="dimmed">{t('player.keys')}</Text>
        </Stack>
      )}
    </Paper>
  );
}
