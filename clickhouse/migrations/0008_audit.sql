-- Audit log (PRODUCT §9): who changed what and when. Append-only: nothing in the product updates or deletes a
-- line. A change writes its line before it is made (the intent, outcome `done`); if the change then fails, a
-- second row with the same id says `failed` and readers keep that one.
-- `org_ids`: the organizations whose admins see the line (the actor's, and the other side of a partnership
-- when the change concerns their shared campaign or workspace).
CREATE TABLE IF NOT EXISTS audit_log (
  id String,
  at DateTime64(3, 'UTC'),
  org_ids Array(String),
  actor_id String,
  actor_email String,
  action LowCardinality(String),
  subject_type LowCardinality(String),
  subject_id String,
  summary String,
  detail String,
  outcome Enum8('done' = 1, 'failed' = 2)
) ENGINE = MergeTree
ORDER BY (at, id);
