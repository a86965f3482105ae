-- Posts named by their LinkedIn id (social_id, e.g. urn:li:activity:7290000000000000000) and
-- address: a post_published event may carry them, the signals feed shows them, and a warm-up touch
-- keeps the post it engages with (named by the event, or its latest post at the provider when none
-- was). NULL where no post is named.
ALTER TABLE prospect_event ADD COLUMN post_id TEXT;
ALTER TABLE prospect_event ADD COLUMN post_url TEXT;
ALTER TABLE signal_feed ADD COLUMN post_id TEXT;
ALTER TABLE signal_feed ADD COLUMN post_url TEXT;
ALTER TABLE touch ADD COLUMN post_id TEXT;
ALTER TABLE touch ADD COLUMN post_url TEXT;

-- Whether a follow-up DM whose window falls on the account's days off may go then: TRUE or FALSE
-- decide for every campaign on this account; NULL leaves it to each campaign's followUpsOnDaysOff.
ALTER TABLE sender_account ADD COLUMN follow_ups_on_days_off BOOLEAN;
