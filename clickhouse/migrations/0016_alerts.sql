-- KPI alerts (issue 21, docs/alerts.md): rules per campaign, the alerts they raised, and who acknowledged them.

-- A campaign's alert rules, edited by the outsourcer's managers and admins (audited): every save of a rule is a new
-- revision of it, a deletion a revision with deleted = 1; the highest revision is the rule. The legal rule
-- (regulatory abandon over 3 %, every outbound campaign) is not stored: server/alerts/rules.ts adds it to every read.
-- `threshold` is in the KPI's own unit (rates as fractions 0–1, durations in seconds, NPS points, counts).
CREATE TABLE IF NOT EXISTS alert_rules (
  id String,
  campaign_id String,
  partnership_id String,
  revision UInt32,
  kpi LowCardinality(String),
  comparison LowCardinality(String),
  threshold Float64,
  duration_minutes UInt32,
  enabled UInt8,
  deleted UInt8,
  edited_by String,
  edited_by_name String,
  edited_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(revision)
ORDER BY (campaign_id, id);

-- An alert: a rule's breach that lasted its duration. The rule is copied as it stood (a later edit never rewrites a
-- past alert). Written by the server's evaluator alone (server/alerts/evaluator.ts): each change (worse value,
-- cleared) is the whole row again with a higher version. cleared_at NULL: still open.
CREATE TABLE IF NOT EXISTS alerts (
  id String,
  campaign_id String,
  partnership_id String,
  rule_id String,
  rule_revision UInt32,
  legal UInt8,
  kpi LowCardinality(String),
  comparison LowCardinality(String),
  threshold Float64,
  duration_minutes UInt32,
  breach_started_at DateTime64(3, 'UTC'),
  opened_at DateTime64(3, 'UTC'),
  value_at_open Float64,
  worst_value Float64,
  worst_at DateTime64(3, 'UTC'),
  cleared_at Nullable(DateTime64(3, 'UTC')),
  clear_reason LowCardinality(String),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (campaign_id, id);

-- A manager's acknowledgement of an open alert ("seen, on it"): its own table, so the evaluator stays the only
-- writer of `alerts` and an acknowledgement never races a worse value.
CREATE TABLE IF NOT EXISTS alert_acknowledgements (
  alert_id String,
  campaign_id String,
  acknowledged_by String,
  acknowledged_by_name String,
  acknowledged_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, alert_id);
