-- Quality evaluations (issue 19, PRODUCT §7): each campaign's evaluation grid, versioned; the evaluations of calls
-- against one version of it, every change of an evaluation a new revision; the sampling queue and its setting.

-- A campaign's grid: every save is a new version (the newest is the grid, the others its history). `sections` is
-- the grid's JSON (server/quality/grid.ts: sections, criteria with label, guidance, weight, answer type, eliminatory).
-- An evaluation names the version it was made with, so editing the grid never changes a past score.
CREATE TABLE IF NOT EXISTS quality_grids (
  campaign_id String,
  org_id String,
  version UInt32,
  name String,
  sections String,
  edited_by String,
  edited_by_name String,
  edited_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, version);

-- N calls per agent per ISO week the sampling queue draws for a campaign (server/quality/sampling.ts); the newest row counts.
CREATE TABLE IF NOT EXISTS quality_sampling (
  campaign_id String,
  per_agent_week UInt16,
  edited_by String,
  edited_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(edited_at)
ORDER BY campaign_id;

-- The sampling queue: calls drawn for evaluation, per campaign and ISO week (its Monday, in the campaign's zone).
-- A call is queued once (a call already queued or evaluated is never drawn again).
CREATE TABLE IF NOT EXISTS quality_queue (
  campaign_id String,
  week Date,
  call_id String,
  agent String,
  stratum String,
  drawn_by String,
  drawn_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, week, call_id);

-- An evaluation of a call: every change (submitted, acknowledged or disputed by the agent, answered or revised by the
-- evaluator) is a new revision row; the newest is the evaluation, the others its history. `answers` JSON
-- {criterionId: 'yes'|'no'|'na'|number}; `comments` JSON [{at (seconds into the recording), text}]; `score` 0–1
-- (null: nothing answered), computed by server/quality/score.ts. `calibration` = 1: a second evaluator's evaluation
-- of a call already evaluated, for calibration only (not shown to the agent, not in the QA score).
-- The call's start, direction and agent are copied so the QA score KPI reads this table alone.
CREATE TABLE IF NOT EXISTS evaluations (
  id String,
  revision UInt32,
  org_id String,
  campaign_id String,
  call_id String,
  call_started_at DateTime64(3, 'UTC'),
  direction Enum8('inbound' = 1, 'outbound' = 2),
  agent String,
  evaluator_id String,
  evaluator_name String,
  grid_version UInt32,
  answers String,
  comments String,
  score Nullable(Float64),
  eliminated UInt8,
  calibration UInt8,
  status Enum8('submitted' = 1, 'acknowledged' = 2, 'disputed' = 3, 'revised' = 4),
  agent_comment String,
  evaluator_reply String,
  changed_by String,
  changed_by_name String,
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, id, revision);
