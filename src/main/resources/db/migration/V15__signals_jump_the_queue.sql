-- A buying signal moves its prospect's enrollment to the head of its account's queue: held back by
-- the account's limits, it acts at the next free slot, before those held longer. signalled_at is
-- when the signal came; it is cleared once the enrollment acts or moves on without being held.
ALTER TABLE enrollment ADD COLUMN signalled_at BIGINT;

CREATE INDEX enrollment_queue_signalled ON enrollment (sender_account, waiting_channel, signalled_at, id) WHERE signalled_at IS NOT NULL;
