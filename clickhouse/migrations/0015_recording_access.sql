-- Who may listen to call recordings, who did, and how long the audio is kept (PRODUCT §7, issue 19;
-- docs/recordings.md). The calls table is never rewritten: a recording's expiry lives beside it.

-- Per partnership: may the client's staff listen to the recordings, and how many days the audio is kept.
-- Changed only by the outsourcer's managers and admins (audited); each change a new row, the highest version wins.
-- No row: the client may not listen, and the default retention applies (server/recordings/policy.ts).
CREATE TABLE IF NOT EXISTS recording_policies (
  partnership_id String,
  client_may_listen UInt8,
  retention_days UInt32,
  changed_by String,
  changed_by_name String,
  changed_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY partnership_id;

-- Every listening: who (user, their organization and role), when, which call (its outsourcer organization and
-- campaign). Append-only; one row per listening (the request that starts the audio), not per byte range.
CREATE TABLE IF NOT EXISTS recording_playbacks (
  id String,
  at DateTime64(3, 'UTC'),
  org_id String,
  campaign_id String,
  call_id String,
  user_id String,
  user_email String,
  user_name String,
  user_org_id String,
  role LowCardinality(String)
) ENGINE = MergeTree
ORDER BY (org_id, campaign_id, call_id, at);

-- A call whose recording was deleted by the retention purge: when, and under which retention. Kept for good, so a
-- known call answers "expired on <date>" and never a bare 404.
CREATE TABLE IF NOT EXISTS recording_expiries (
  org_id String,
  campaign_id String,
  call_id String,
  recording_path String,
  expired_at DateTime64(3, 'UTC'),
  retention_days UInt32,
  file_deleted UInt8
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, call_id);
