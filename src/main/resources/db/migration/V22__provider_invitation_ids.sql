-- The id the provider gave a connection request (POST /users/invite answers invitation_id), kept
-- on the touch that sent it: a stale invitation is withdrawn by this id, and after a crash the
-- executor knows the request went out without asking again. One whose answer was lost is kept
-- once the provider's sent list shows it. Removing the touch removes it.
CREATE TABLE provider_invitation (
  touch_key      TEXT    PRIMARY KEY REFERENCES touch (idempotency_key) ON DELETE CASCADE,
  invitation_id  TEXT    NOT NULL,
  created_at     BIGINT  NOT NULL
);
