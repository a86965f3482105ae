-- When a campaign's last enrollment finished and the campaign was marked COMPLETED; empty while it
-- runs, and for campaigns completed before this column existed (the webhook posts no
-- campaign.finished for those).
ALTER TABLE campaign ADD COLUMN finished_at BIGINT;
