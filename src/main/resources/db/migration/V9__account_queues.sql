-- Enrollments held back by an account's limits (pacing, daily and weekly caps, working hours,
-- credits) wait in a queue per account and channel instead of being looked at on every pass. The
-- queue's wake_at is the earliest instant the account can act on that channel again; then its
-- oldest member is woken. A pass so costs what is due, not what is waiting.
ALTER TABLE enrollment ADD COLUMN waiting_channel TEXT;

CREATE INDEX enrollment_queue ON enrollment (sender_account, waiting_channel, entered_step_at, id);

-- Only enrollments that can act on their own are found by due time.
CREATE INDEX enrollment_due_alone ON enrollment (next_due_at) WHERE status = 'ACTIVE' AND waiting_channel IS NULL;

CREATE TABLE account_queue (
  account  TEXT    NOT NULL REFERENCES sender_account (name),
  channel  TEXT    NOT NULL,
  -- when the account may next act on the channel; NULL while no active campaign's member waits
  wake_at  BIGINT,
  PRIMARY KEY (account, channel)
);

CREATE INDEX account_queue_wake ON account_queue (wake_at);
