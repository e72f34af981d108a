// Pure: a detractor's follow-up (the closed loop): new → contacted → closed. A closed follow-up may be reopened
// (contacted again) when the customer comes back; nothing goes back to `new`.
export const FOLLOWUP_STATUSES = ['new', 'contacted', 'closed'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

const MOVES: Record<FollowupStatus, readonly FollowupStatus[]> = {
  new: ['new', 'contacted', 'closed'],
  contacted: ['contacted', 'closed'],
  closed: ['closed', 'contacted'],
};

export const canMove = (from: FollowupStatus, to: FollowupStatus): boolean => MOVES[from].includes(to);

export const NOTE_MAX = 2000;
/** Scores that make a follow-up: the detractors. */
export const isDetractor = (score: number): boolean => score <= 6;
