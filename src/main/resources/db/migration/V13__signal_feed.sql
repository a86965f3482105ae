-- The signals feed: each buying signal once (by the idempotency key of its prospect_event), with
-- what Warmreach did about it. outcome is ACTED (an enrolled prospect woken), ENROLLED (added to
-- the campaign that takes signals), WAITING (their campaign is a draft or paused: acted on when it
-- runs) or NOT_ACTED (do-not-contact, replied, or no campaign to act in); action says it in words.
-- Erasing a prospect erases their signals.
CREATE TABLE signal_feed (
  idempotency_key  TEXT    NOT NULL PRIMARY KEY,
  prospect_id      BIGINT  NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL,
  detail           TEXT    NOT NULL,
  happened_at      BIGINT  NOT NULL,
  outcome          TEXT    NOT NULL,
  action           TEXT    NOT NULL
);

CREATE INDEX signal_feed_latest ON signal_feed (happened_at);
CREATE INDEX signal_feed_prospect ON signal_feed (prospect_id);
