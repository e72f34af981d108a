// The values the stored data holds and every layer speaks: directions and outcomes of a call, the agent states
// of the records, roles, a phone number's stored form, and the rule that marks a drop. The migrations' Enum8
// types spell the same values (SQL cannot import them): vocabulary.integration.test.ts checks they agree.

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const OUTCOMES = ['connected', 'no_answer', 'busy', 'failed', 'voicemail', 'abandoned', 'rejected_compliance'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An agent's state as records carry it; `ringing`: a call is being put through to the agent (or offered in preview). */
export const AGENT_STATES = ['offline', 'available', 'ringing', 'on_call', 'wrapup', 'paused'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const ROLES = ['client', 'manager', 'agent', 'quality', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['outsourcer', 'client'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** What a shared file is for (files.purpose, Enum8 in 0004_workspace.sql). */
export const FILE_PURPOSES = ['contacts', 'training', 'opt_out', 'document'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** A phone number as stored: E.164, + and 6 to 15 digits, no leading zero. */
export const E164_PATTERN = /^\+[1-9]\d{5,14}$/;

/**
 * A call's recording as its record names it: `<yyyy-mm-dd>/<name>.wav`, relative to the recordings dir
 * (`$RELAIS_DATA_DIR/recordings`, dialer/media/recording.ts), nothing else: no `..`, no absolute path.
 */
export const RECORDING_PATH_PATTERN = /^(\d{4}-\d{2}-\d{2})\/([A-Za-z0-9][A-Za-z0-9._-]{0,127}\.wav)$/;

/**
 * A call answered by a person is a drop when no agent was on the line within this many seconds of the answer
 * (the French rule of the abandon rate; the UK and US count the same way).
 */
export const DROP_SECONDS = 2;
