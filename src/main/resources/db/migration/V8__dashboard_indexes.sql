-- Indexes for the dashboard's figures, so its pages stay fast on large workspaces: a campaign's
-- enrollments by status; its touches by enrollment (covering the columns its counts read, so they
-- come from the index alone); touches done per week; each account's tasks due; a prospect's events
-- of one kind after a time (did they accept or reply after this touch?).
CREATE INDEX enrollment_campaign ON enrollment (campaign_id, status);
CREATE INDEX touch_enrollment ON touch (enrollment_id, status, channel, template, variant, done_at, prospect_id);
CREATE INDEX touch_done ON touch (status, done_at);
CREATE INDEX touch_account_due ON touch (status, sender_account, due_at);
CREATE INDEX prospect_event_kind ON prospect_event (prospect_id, kind, happened_at);
