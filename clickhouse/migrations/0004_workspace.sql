-- Partnership workspace (PRODUCT §6): brief, specification versions, stored files, training material,
-- acknowledgements and the activity feed. Everything hangs off a partnership id, so one scope check on
-- the partnership covers every row.

-- Every edit of the brief is a new revision; the newest is the brief, the others are its history.
CREATE TABLE IF NOT EXISTS briefs (
  partnership_id String,
  revision UInt32,
  objectives String,
  technical_scope String,
  start_date Nullable(Date),
  end_date Nullable(Date),
  client_contact_name String,
  client_contact_email String,
  client_contact_phone String,
  outsourcer_contact_name String,
  outsourcer_contact_email String,
  outsourcer_contact_phone String,
  target_service_level Nullable(Float64),
  target_sal Nullable(Float64),
  target_conversion_rate Nullable(Float64),
  target_aht_seconds Nullable(Float64),
  target_nps Nullable(Float64),
  edited_by String,
  edited_by_name String,
  edited_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (partnership_id, revision);

-- A specification version is proposed by one side and signed by the other. Signing writes a newer row
-- version of the same number; the application never writes over a signed number.
CREATE TABLE IF NOT EXISTS spec_versions (
  partnership_id String,
  number UInt32,
  body String,
  note String,
  proposed_by String,
  proposed_by_name String,
  proposed_side Enum8('outsourcer' = 1, 'client' = 2),
  proposed_at DateTime64(3, 'UTC'),
  signed_by String DEFAULT '',
  signed_by_name String DEFAULT '',
  signed_at Nullable(DateTime64(3, 'UTC')),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (partnership_id, number);

CREATE TABLE IF NOT EXISTS stored_files (
  id String,
  partnership_id String,
  -- Files that belong to an organization rather than a partnership (opt-out lists).
  owner_org_id String DEFAULT '',
  campaign_id String DEFAULT '',
  purpose Enum8('contacts' = 1, 'training' = 2, 'opt_out' = 3, 'document' = 4),
  name String,
  storage_key String,
  size UInt64,
  content_type String,
  sha256 String,
  uploaded_by String,
  uploaded_by_name String,
  uploaded_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS training_documents (
  id String,
  partnership_id String,
  campaign_id String,
  title String,
  kind Enum8('pdf' = 1, 'slides' = 2, 'video' = 3, 'document' = 4, 'link' = 5),
  file_id String DEFAULT '',
  url String DEFAULT '',
  created_by String,
  created_by_name String,
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS training_acknowledgements (
  document_id String,
  user_id String,
  acknowledged_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (document_id, user_id);

-- The feed: one row per event. Comments are events too (`body` set), attached to any item by
-- (subject_type, subject_id). `params` is JSON the UI turns into a sentence in the reader's language.
CREATE TABLE IF NOT EXISTS workspace_activity (
  partnership_id String,
  id String,
  at DateTime64(3, 'UTC'),
  actor_id String,
  actor_name String,
  actor_side Enum8('outsourcer' = 1, 'client' = 2),
  kind LowCardinality(String),
  subject_type LowCardinality(String),
  subject_id String,
  params String,
  body String DEFAULT ''
) ENGINE = MergeTree
ORDER BY (partnership_id, at, id);

CREATE TABLE IF NOT EXISTS workspace_reads (
  user_id String,
  partnership_id String,
  read_until DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(read_until)
ORDER BY (user_id, partnership_id);
