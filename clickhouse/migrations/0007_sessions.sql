-- Sessions ended before their JWT expires (PRODUCT §9): a sign-out ends its session (`session_id`); deactivation,
-- a password or role change end every session of the user signed in before `ended_at` (`session_id` = '').
-- Read at start and kept in memory by the one process that owns the data directory; rows older than the
-- longest session are of no use and expire.
CREATE TABLE IF NOT EXISTS ended_sessions (
  user_id String,
  session_id String,
  ended_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (user_id, session_id)
TTL toDateTime(ended_at) + INTERVAL 2 DAY;
