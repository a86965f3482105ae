-- Whether a touch was carried out by the simulated network (a dry run) rather than for real, so
-- that monitoring counts dry runs apart from live touches. Touches stored before are live.
ALTER TABLE touch ADD COLUMN dry_run INTEGER NOT NULL DEFAULT 0;
