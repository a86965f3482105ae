-- Whether a touch was carried out by the simulated network (a dry run) rather than for real, so
-- that monitoring counts dry runs apart from live touches. Touches stored before are live.
ALTER TABLE touch ADD COLUMN dry_run INTEGER NOT NULL DEFAULT 0;

-- What the webhook tells the receiver besides touches: a prospect's outcomes (accepted, replied,
-- bounced, unsubscribed), each once by its event_key, with the body posted on every attempt, its
-- retries and whether it went out (PENDING, SENDING, SENT, DEAD). Erasing a person erases theirs.
CREATE TABLE webhook_event (
  id               ${id_column},
  event_key        TEXT     NOT NULL UNIQUE,
  prospect_id      BIGINT   REFERENCES prospect (id) ON DELETE CASCADE,
  type             TEXT     NOT NULL,
  payload          TEXT     NOT NULL,
  status           TEXT     NOT NULL,
  attempts         INTEGER  NOT NULL,
  -- when it may next be tried; while SENDING, when the sender's claim lapses
  next_attempt_at  BIGINT,
  last_error       TEXT     NOT NULL,
  created_at       BIGINT   NOT NULL,
  updated_at       BIGINT   NOT NULL
);

CREATE INDEX webhook_event_due ON webhook_event (status, next_attempt_at);

-- How far the webhook has read the prospects' events: the last prospect_event id looked at. It
-- starts at the newest event when the webhook first runs, so earlier outcomes are not posted.
CREATE TABLE webhook_cursor (
  name     TEXT    NOT NULL PRIMARY KEY,
  last_id  BIGINT  NOT NULL
);
