-- People (issue 20): accounts deactivated and reactivated, one-time links to set a password, teams with a lead.
-- Versioned like 0001: a change inserts a new row with a higher `version`; reads use FINAL.

-- 0: deactivated (cannot sign in; its sessions end at their next request). A row written without it is active.
ALTER TABLE users ADD COLUMN IF NOT EXISTS active UInt8 DEFAULT 1;

-- A one-time link to set a password: only the SHA-256 of its token is kept (the token is shown once to the admin).
-- `used_at` set: spent. A new link of a user leaves the older ones valid until they expire or are used.
CREATE TABLE IF NOT EXISTS password_links (
  token_hash String,
  user_id String,
  org_id String,
  purpose Enum8('create' = 1, 'reset' = 2),
  created_by String,
  created_at DateTime64(3, 'UTC'),
  expires_at DateTime64(3, 'UTC'),
  used_at Nullable(DateTime64(3, 'UTC')),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY token_hash;

-- A team of an outsourcer: its name is what `users.team` holds for its members; its lead is a user of the org.
CREATE TABLE IF NOT EXISTS teams (
  id String,
  org_id String,
  name String,
  lead_user_id String,
  created_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;
