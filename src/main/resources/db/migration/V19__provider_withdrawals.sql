-- Stale invitations withdrawn at LinkedIn through the provider (DELETE /users/invite/sent/{id}),
-- one row per withdrawal the engine recorded (keyed by that event's key), so each is carried out
-- at most once: claimed as WITHDRAWING before the call, then WITHDRAWN, GONE (LinkedIn no longer
-- listed it) or FAILED with the provider's words. Removing the prospect removes it.
CREATE TABLE provider_withdrawal (
  event_key       TEXT     PRIMARY KEY,
  sender_account  TEXT     NOT NULL,
  prospect_id     BIGINT   NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  status          TEXT     NOT NULL,
  detail          TEXT     NOT NULL,
  updated_at      BIGINT   NOT NULL
);
