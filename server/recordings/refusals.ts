// Refusals of call recordings, FR and EN (spread into server/trpc/refusals.ts).
export const recordingErrorsFr = {
  'error.noSuch.recording': 'Enregistrement introuvable.',
  'error.recordingPolicyOutsourcer': 'Seuls les managers et administrateurs du centre de contacts changent les règles des enregistrements.',
  'error.recordingPlaybacksOutsourcer': 'Le journal des écoutes est réservé au centre de contacts.',
};

export const recordingErrorsEn: Record<keyof typeof recordingErrorsFr, string> = {
  'error.noSuch.recording': 'No such recording.',
  'error.recordingPolicyOutsourcer': 'Only the contact center’s managers and admins change the recordings’ rules.',
  'error.recordingPlaybacksOutsourcer': 'The playback log is the contact center’s.',
};
