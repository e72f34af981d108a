-- Tenancy model (PRODUCT §3). Every table is versioned: a change inserts a new row with a higher
-- `version`; reads use FINAL (or argMax) so they see the latest version before merges happen.
-- `deleted = 1` is a tombstone version.

CREATE TABLE IF NOT EXISTS organizations (
  id String,
  name String,
  kind Enum8('outsourcer' = 1, 'client' = 2),
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS partnerships (
  id String,
  outsourcer_org_id String,
  client_org_id String,
  name String,
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS campaigns (
  id String,
  code String,
  partnership_id String,
  name String,
  direction Enum8('inbound' = 1, 'outbound' = 2),
  dial_mode Enum8('none' = 0, 'preview' = 1, 'progressive' = 2, 'predictive' = 3, 'blended' = 4),
  status Enum8('draft' = 0, 'active' = 1, 'paused' = 2, 'stopped' = 3),
  time_zone String,
  -- Service level SL(T, S): T answered-within threshold, S short-abandon threshold (PRODUCT §4).
  sl_threshold_seconds UInt16 DEFAULT 20,
  short_abandon_seconds UInt16 DEFAULT 5,
  success_dispositions Array(String),
  target_service_level Nullable(Float64),
  target_sal Nullable(Float64),
  target_sal_hours Nullable(Float64),
  target_conversion_rate Nullable(Float64),
  target_aht_seconds Nullable(Float64),
  target_nps Nullable(Float64),
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS users (
  id String,
  email String,
  name String,
  password_hash String,
  role Enum8('client' = 1, 'manager' = 2, 'agent' = 3, 'quality' = 4, 'admin' = 5),
  org_id String,
  -- An agent's code as it appears in call records (`agent` field of the ingest contract).
  agent_code String DEFAULT '',
  team String DEFAULT '',
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS campaign_assignments (
  campaign_id String,
  user_id String,
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (campaign_id, user_id);
