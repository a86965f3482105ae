-- Which node is carrying out a planned touch, and until when its claim holds: several nodes
-- sharing one database never carry out the same touch at once, and a crashed node's claims lapse.
ALTER TABLE touch ADD COLUMN claimed_by TEXT;
ALTER TABLE touch ADD COLUMN claimed_until BIGINT;

-- Why a touch was skipped or failed, in the user's or the executor's words.
ALTER TABLE touch ADD COLUMN outcome TEXT;
