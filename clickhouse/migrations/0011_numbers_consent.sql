-- Number inventory and consent records (issue 20, PRODUCT §5). Versioned like 0001's tables: a change inserts
-- a new row with a higher `version`, `deleted = 1` is a tombstone, reads use FINAL.

-- The numbers an organization holds, with who owns them and the proof (operator contract, attribution letter).
-- An outsourcer's number is either its own (`owner = 'outsourcer'`, presentable for any of its clients) or held
-- for one client (`owner = 'client'`, `client_org_id` that client: presentable for that client's campaigns only).
-- A client's number (`org_id` a client organization) is presentable for that client's campaigns only.
CREATE TABLE IF NOT EXISTS phone_numbers (
  id String,
  org_id String,
  number String,
  owner Enum8('outsourcer' = 1, 'client' = 2),
  client_org_id String DEFAULT '',
  proof_ref String DEFAULT '',
  added_by String,
  added_by_name String,
  added_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Prior consent to canvassing (loi du 30 juin 2025, from 11 August 2026), per contact of a partnership.
-- One row per (partnership, number, scope, campaign, channel): `id` is derived from them, so writing the same
-- consent again replaces it; a withdrawal is a new version with `withdrawn_at` set.
-- scope `campaign`: this campaign only (`campaign_id`); scope `client`: every campaign of the partnership.
CREATE TABLE IF NOT EXISTS consents (
  id String,
  partnership_id String,
  phone_e164 String,
  -- The client's own reference of the contact, when given.
  contact_ref String DEFAULT '',
  scope Enum8('campaign' = 1, 'client' = 2),
  campaign_id String DEFAULT '',
  channel Enum8('phone' = 1, 'sms' = 2, 'email' = 3),
  source String,
  given_at DateTime64(3, 'UTC'),
  expires_at Nullable(DateTime64(3, 'UTC')),
  proof_ref String DEFAULT '',
  withdrawn_at Nullable(DateTime64(3, 'UTC')),
  -- Where the row came from: `import:<list id>`, `api:<key id>`.
  origin String,
  recorded_by String,
  recorded_at DateTime64(3, 'UTC'),
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (partnership_id, phone_e164, id);
