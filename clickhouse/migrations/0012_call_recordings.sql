-- A call's recording (PRODUCT §7): the dialer records the calls of campaigns with `recording = 1` through rtpengine
-- and names the WAV in the call's record, relative to the recordings dir ($RELAIS_DATA_DIR/recordings):
-- `<yyyy-mm-dd>/<name>.wav`, '' when the call was not recorded. Served by GET /api/recordings/{id} only.
-- The rollups (calls_by_minute, calls_by_hour) name their columns and need nothing; the writer's cancel rows
-- (SELECT *) and mirror rows carry every column of the table, this one included.
ALTER TABLE calls ADD COLUMN IF NOT EXISTS recording_path String DEFAULT '';
