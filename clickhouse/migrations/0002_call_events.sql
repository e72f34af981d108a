-- Call events (PRODUCT §4 ingest contract) and their per-minute rollups.
--
-- Re-sent records must replace, never double count, and KPI queries must be exact before merges.
-- So raw tables are VersionedCollapsingMergeTree: the ingest service, the single writer, looks up the
-- stored version of each re-sent id and writes a cancel row (sign = -1, the old values) next to the new
-- row (sign = +1). Every aggregate is weighted by `sign`, in the rollups as in raw queries, so a replaced
-- record contributes exactly once whether or not ClickHouse has collapsed the pair yet.

CREATE TABLE IF NOT EXISTS calls (
  org_id String,
  campaign_id String,
  id String,
  sign Int8,
  version UInt64,
  direction Enum8('inbound' = 1, 'outbound' = 2),
  agent String,
  contact String,
  phone String,
  started_at DateTime64(3, 'UTC'),
  answered_at Nullable(DateTime64(3, 'UTC')),
  connected_at Nullable(DateTime64(3, 'UTC')),
  ended_at DateTime64(3, 'UTC'),
  hold_seconds Float64,
  wrap_seconds Float64,
  outcome Enum8('connected' = 1, 'no_answer' = 2, 'busy' = 3, 'failed' = 4, 'voicemail' = 5, 'abandoned' = 6,
                'rejected_compliance' = 7),
  disposition String,
  converted UInt8,
  case_id String,
  resolved Nullable(UInt8),
  rule String,
  -- Derived at ingest (server/ingest/derive.ts) so rollups stay plain sums.
  queue_seconds Float64,
  talk_seconds Float64,
  human_answered UInt8,
  dropped UInt8,
  ingested_at DateTime64(3, 'UTC')
) ENGINE = VersionedCollapsingMergeTree(sign, version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (campaign_id, id);

CREATE TABLE IF NOT EXISTS surveys (
  org_id String,
  campaign_id String,
  id String,
  sign Int8,
  version UInt64,
  call_id String,
  agent String,
  score UInt8,
  comment String,
  answered_at DateTime64(3, 'UTC'),
  ingested_at DateTime64(3, 'UTC')
) ENGINE = VersionedCollapsingMergeTree(sign, version)
ORDER BY (campaign_id, id);

-- Agent states are events, not replaceable records: the same (agent, at, state) sent twice is one event.
CREATE TABLE IF NOT EXISTS agent_states (
  org_id String,
  agent String,
  campaign_id String,
  state Enum8('offline' = 0, 'available' = 1, 'ringing' = 2, 'on_call' = 3, 'wrapup' = 4, 'paused' = 5),
  at DateTime64(3, 'UTC'),
  ingested_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(ingested_at)
ORDER BY (org_id, agent, at, state);

-- Per campaign, agent and minute of the call's start. Queue waits are kept as histograms (seconds → count)
-- so SL(T, S) can be computed for any thresholds a campaign is given later.
CREATE TABLE IF NOT EXISTS calls_by_minute (
  campaign_id String,
  agent String,
  direction Enum8('inbound' = 1, 'outbound' = 2),
  minute DateTime('UTC'),
  calls SimpleAggregateFunction(sum, Int64),
  rejected SimpleAggregateFunction(sum, Int64),
  connected SimpleAggregateFunction(sum, Int64),
  abandoned SimpleAggregateFunction(sum, Int64),
  human_answered SimpleAggregateFunction(sum, Int64),
  dropped SimpleAggregateFunction(sum, Int64),
  converted SimpleAggregateFunction(sum, Int64),
  talk_seconds SimpleAggregateFunction(sum, Float64),
  hold_seconds SimpleAggregateFunction(sum, Float64),
  wrap_seconds SimpleAggregateFunction(sum, Float64),
  connected_queue_seconds SimpleAggregateFunction(sum, Float64),
  connected_wait SimpleAggregateFunction(sumMap, Map(UInt16, Int64)),
  abandoned_wait SimpleAggregateFunction(sumMap, Map(UInt16, Int64))
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (campaign_id, minute, agent, direction);

CREATE MATERIALIZED VIEW IF NOT EXISTS calls_by_minute_mv TO calls_by_minute AS
SELECT
  campaign_id,
  agent,
  direction,
  toStartOfMinute(started_at) AS minute,
  sum(sign) AS calls,
  sumIf(sign, outcome = 'rejected_compliance') AS rejected,
  sumIf(sign, connected_at IS NOT NULL) AS connected,
  sumIf(sign, outcome = 'abandoned') AS abandoned,
  sumIf(sign, human_answered = 1) AS human_answered,
  sumIf(sign, dropped = 1) AS dropped,
  sumIf(sign, converted = 1 AND connected_at IS NOT NULL) AS converted,
  sum(sign * talk_seconds) AS talk_seconds,
  sumIf(sign * hold_seconds, connected_at IS NOT NULL) AS hold_seconds,
  sumIf(sign * wrap_seconds, connected_at IS NOT NULL) AS wrap_seconds,
  sumIf(sign * queue_seconds, direction = 'inbound' AND connected_at IS NOT NULL) AS connected_queue_seconds,
  sumMapIf(map(toUInt16(least(ceil(queue_seconds), 65535)), toInt64(sign)),
           direction = 'inbound' AND connected_at IS NOT NULL) AS connected_wait,
  sumMapIf(map(toUInt16(least(ceil(queue_seconds), 65535)), toInt64(sign)),
           direction = 'inbound' AND outcome = 'abandoned') AS abandoned_wait
FROM calls
GROUP BY campaign_id, agent, direction, minute;

-- API keys of outsourcer organizations: only a SHA-256 of the key is stored; the key is shown once.
CREATE TABLE IF NOT EXISTS api_keys (
  id String,
  org_id String,
  name String,
  key_hash String,
  prefix String,
  created_by String,
  created_at DateTime64(3, 'UTC'),
  revoked_at Nullable(DateTime64(3, 'UTC')),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS api_key_usage (
  key_id String,
  last_used_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
) ENGINE = AggregatingMergeTree
ORDER BY key_id;
