-- The dialer's own state (PRODUCT §5). Everything else it needs (attempts, outcomes, abandoned calls,
-- refusals) is read back from `calls` and `contacts`: the hopper is rebuilt from them at start.

-- A campaign's dialer settings and run status, one row per change (the latest wins).
CREATE TABLE IF NOT EXISTS dialer_settings (
  campaign_id String,
  settings String,
  updated_by String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY campaign_id;

-- Written before each dial: an attempt journalled without a call record was cut by a crash, and is
-- recorded as failed at the next start so that it still counts (attempt caps) and nothing is lost.
CREATE TABLE IF NOT EXISTS dialer_attempts (
  campaign_id String,
  id String,
  phone String,
  started_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (campaign_id, id);

-- Callbacks set by agents; `done` once dialled.
CREATE TABLE IF NOT EXISTS dialer_callbacks (
  campaign_id String,
  phone String,
  at DateTime64(3, 'UTC'),
  agent String,
  done UInt8,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (campaign_id, phone);
