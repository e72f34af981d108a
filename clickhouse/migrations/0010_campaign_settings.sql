-- Campaign settings edited in the portal (issue 20), and one set of targets per campaign.
-- Where each setting lives (one place each): the campaigns row holds what the KPIs and the portal read
-- (direction, time zone, SL T and S, the dispositions catalogue, recording, script); dialer_settings (0006) holds
-- what the dialer reads (mode, compliance profile, ring timeout, wrap-up, caller ID, consent required, retry rules).

-- The dispositions catalogue: JSON [{code, label, success, callback, refusal, dnc}]. `success_dispositions` (0001)
-- is written from it (the codes flagged success) by the one function that saves a campaign; never set on its own.
-- An empty catalogue (a campaign saved before 0010) reads as its success dispositions flagged success.
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS dispositions String DEFAULT '';
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS recording UInt8 DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS script String DEFAULT '';

-- The campaign's KPI targets, the brief's: every save (from the brief, by either side, or the public PUT) is a new
-- revision; the newest is the target, the others its history. Read through one function (clickhouse/queries/targets.ts).
CREATE TABLE IF NOT EXISTS campaign_targets (
  campaign_id String,
  partnership_id String,
  revision UInt32,
  target_service_level Nullable(Float64),
  target_sal Nullable(Float64),
  target_sal_hours Nullable(Float64),
  target_conversion_rate Nullable(Float64),
  target_aht_seconds Nullable(Float64),
  target_nps Nullable(Float64),
  target_abandon_rate Nullable(Float64),
  edited_by String,
  edited_by_name String,
  edited_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (campaign_id, revision);

-- The two former stores, merged: the campaign's own target first, else its partnership brief's latest one.
INSERT INTO campaign_targets (campaign_id, partnership_id, revision, target_service_level, target_sal, target_sal_hours,
  target_conversion_rate, target_aht_seconds, target_nps, target_abandon_rate, edited_by, edited_by_name, edited_at)
SELECT c.id, c.partnership_id, 1,
  coalesce(c.target_service_level, b.sl), coalesce(c.target_sal, b.sal), c.target_sal_hours,
  coalesce(c.target_conversion_rate, b.conversion), coalesce(c.target_aht_seconds, b.aht), coalesce(c.target_nps, b.nps), NULL,
  'migration', '0010_campaign_settings', now64(3)
FROM (SELECT * FROM campaigns FINAL WHERE deleted = 0) AS c
LEFT JOIN (
  SELECT partnership_id, t.1 AS sl, t.2 AS sal, t.3 AS conversion, t.4 AS aht, t.5 AS nps FROM (
    SELECT partnership_id,
      argMax(tuple(target_service_level, target_sal, target_conversion_rate, target_aht_seconds, target_nps), revision) AS t
    FROM briefs GROUP BY partnership_id
  )
) AS b ON b.partnership_id = c.partnership_id
SETTINGS join_use_nulls = 1;

ALTER TABLE campaigns DROP COLUMN IF EXISTS target_service_level, DROP COLUMN IF EXISTS target_sal,
  DROP COLUMN IF EXISTS target_sal_hours, DROP COLUMN IF EXISTS target_conversion_rate,
  DROP COLUMN IF EXISTS target_aht_seconds, DROP COLUMN IF EXISTS target_nps;
ALTER TABLE briefs DROP COLUMN IF EXISTS target_service_level, DROP COLUMN IF EXISTS target_sal,
  DROP COLUMN IF EXISTS target_conversion_rate, DROP COLUMN IF EXISTS target_aht_seconds, DROP COLUMN IF EXISTS target_nps;
