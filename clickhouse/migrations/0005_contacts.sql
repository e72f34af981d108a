-- Contact lists delivered by the client (PRODUCT §6) and worked by the dialer (PRODUCT §5).

CREATE TABLE IF NOT EXISTS contact_lists (
  id String,
  campaign_id String,
  partnership_id String,
  name String,
  file_id String,
  sample UInt8,
  status Enum8('importing' = 1, 'ready' = 2, 'failed' = 3),
  error String DEFAULT '',
  -- The quality report of the import, as JSON (counts, freshness, segments).
  report String DEFAULT '',
  -- The rejected rows with their reason, as a downloadable CSV (a stored file).
  rejected_file_id String DEFAULT '',
  contacts UInt64 DEFAULT 0,
  created_by String,
  created_by_name String,
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- One row per number and campaign: a re-run import (after a restart mid-import) replaces, never doubles.
-- `removed_at` is set when the contact leaves the campaign (refusal, "not interested").
CREATE TABLE IF NOT EXISTS contacts (
  campaign_id String,
  phone_e164 String,
  list_id String,
  source_row UInt32,
  country LowCardinality(String),
  first_name String,
  last_name String,
  email String,
  segment String,
  record_date Nullable(Date),
  fields Map(String, String),
  consent_source String DEFAULT '',
  consent_at Nullable(DateTime64(3, 'UTC')),
  imported_at DateTime64(3, 'UTC'),
  removed_at Nullable(DateTime64(3, 'UTC')),
  removed_reason String DEFAULT '',
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (campaign_id, phone_e164);

-- Bloctel-style do-not-call lists, per outsourcer organization, with the list's own date kept.
CREATE TABLE IF NOT EXISTS opt_out_lists (
  id String,
  org_id String,
  name String,
  file_id String,
  list_date Date,
  numbers UInt64,
  uploaded_by String,
  uploaded_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS opt_out_numbers (
  org_id String,
  list_id String,
  phone_e164 String
) ENGINE = ReplacingMergeTree
ORDER BY (org_id, list_id, phone_e164);
