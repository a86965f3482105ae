-- Each email or webhook sent for a touch, with its retries: how many attempts, when the next is
-- due, the last error, and where it stands (PENDING, SENDING, SENT, SKIPPED, FAILED, DEAD). One row
-- per touch and kind, so a retried touch finds the delivery it started instead of sending again.
-- Erasing a prospect deletes their touches and, with them, their deliveries.
CREATE TABLE delivery (
  id               ${id_column},
  touch_key        TEXT     NOT NULL REFERENCES touch (idempotency_key) ON DELETE CASCADE,
  kind             TEXT     NOT NULL CHECK (kind IN ('EMAIL', 'WEBHOOK')),
  -- the address or URL it goes to
  target           TEXT     NOT NULL,
  status           TEXT     NOT NULL,
  attempts         INTEGER  NOT NULL,
  -- when it may next be tried; while SENDING, when the sender's claim lapses
  next_attempt_at  BIGINT,
  last_error       TEXT     NOT NULL,
  created_at       BIGINT   NOT NULL,
  updated_at       BIGINT   NOT NULL,
  UNIQUE (touch_key, kind)
);

CREATE INDEX delivery_due ON delivery (kind, status, next_attempt_at);
