-- Surveys (issue 19, PRODUCT §7): what an answer needs beyond 0002's row, Relais's own survey links (tokens), the
-- follow-ups of detractors (the closed loop) and the one survey setting of a campaign.

-- An answer is linked to its call, agent, campaign and case; `source` says who collected it: the client's own tool
-- through the ingest API, or Relais's public page (/s/{token}). The writer's cancel and mirror rows carry every column.
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS resolved Nullable(UInt8);
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS case_id String DEFAULT '';
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS source Enum8('api' = 1, 'relais' = 2) DEFAULT 'api';
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS language String DEFAULT '';

-- One survey link per connected call, created when the dialer writes the call. The token is the link's credential
-- (32 url-safe characters of 192 random bits); it is kept in clear because the client's systems fetch the links to
-- send them (GET /api/v1/surveys/tokens). `answered_at` is set once, by the answer; every change is a new version.
CREATE TABLE IF NOT EXISTS survey_tokens (
  token String,
  org_id String,
  campaign_id String,
  call_id String,
  agent String,
  case_id String,
  phone String,
  language String,
  created_at DateTime64(3, 'UTC'),
  expires_at DateTime64(3, 'UTC'),
  answered_at Nullable(DateTime64(3, 'UTC')),
  survey_id String DEFAULT '',
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY token;

-- A detractor's follow-up: every change is a new row (the newest is the follow-up, the others its history).
CREATE TABLE IF NOT EXISTS survey_followups (
  org_id String,
  campaign_id String,
  survey_id String,
  status Enum8('new' = 1, 'contacted' = 2, 'closed' = 3),
  owner_id String,
  note String,
  updated_by String,
  updated_by_name String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = MergeTree
ORDER BY (campaign_id, survey_id, version);

-- Per campaign: how many days a survey link stays open (7 when the campaign has no row).
CREATE TABLE IF NOT EXISTS survey_settings (
  campaign_id String,
  token_days UInt16,
  updated_by String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY campaign_id;
