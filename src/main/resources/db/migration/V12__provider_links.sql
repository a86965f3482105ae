-- LinkedIn through a provider (Unipile first). A call to the provider for a touch is a delivery of
-- kind PROVIDER, claimed before the call like an email: the delivery table is rebuilt to accept
-- the kind (SQLite cannot change a CHECK), keeping every row and its id.
CREATE TABLE delivery_next (
  id               ${id_column},
  touch_key        TEXT     NOT NULL REFERENCES touch (idempotency_key) ON DELETE CASCADE,
  kind             TEXT     NOT NULL CHECK (kind IN ('EMAIL', 'WEBHOOK', 'PROVIDER')),
  -- the address, URL or provider account it goes to
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
INSERT INTO delivery_next (id, touch_key, kind, target, status, attempts, next_attempt_at,
                           last_error, created_at, updated_at)
  SELECT id, touch_key, kind, target, status, attempts, next_attempt_at, last_error, created_at,
         updated_at FROM delivery;
DROP TABLE delivery;
ALTER TABLE delivery_next RENAME TO delivery;
CREATE INDEX delivery_due ON delivery (kind, status, next_attempt_at);
${restart_delivery_ids}

-- A sender account linked at the provider: the provider's id for it and the status it last gave
-- (OK, CREDENTIALS, STOPPED …). An account that is not OK sends nothing.
CREATE TABLE provider_account (
  sender_account       TEXT    PRIMARY KEY REFERENCES sender_account (name) ON DELETE CASCADE,
  provider_account_id  TEXT    NOT NULL UNIQUE,
  status               TEXT    NOT NULL,
  updated_at           BIGINT  NOT NULL
);

-- What the provider told about a prospect, looked up once from their profile URL: the id every
-- call needs, how far they are in the network, and whether their profile is open. Erasing the
-- prospect erases it.
CREATE TABLE provider_person (
  prospect_id       BIGINT   PRIMARY KEY REFERENCES prospect (id) ON DELETE CASCADE,
  provider_id       TEXT     NOT NULL,
  network_distance  TEXT     NOT NULL,
  open_profile      BOOLEAN  NOT NULL,
  updated_at        BIGINT   NOT NULL
);
CREATE INDEX provider_person_by_provider_id ON provider_person (provider_id);

-- The chat an account has with a person, so a later message goes into it, and on which channel
-- it started (DM or INMAIL), so a reply in it is counted on that channel.
CREATE TABLE provider_chat (
  sender_account  TEXT    NOT NULL,
  provider_id     TEXT    NOT NULL,
  chat_id         TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  updated_at      BIGINT  NOT NULL,
  PRIMARY KEY (sender_account, provider_id)
);
CREATE INDEX provider_chat_by_chat ON provider_chat (chat_id);

-- A kind of action an account's provider refused for a while (a limit reached, 429): paused
-- until the next day, its daily cap lowered for the rest of the week.
CREATE TABLE provider_pause (
  sender_account     TEXT    NOT NULL,
  channel            TEXT    NOT NULL,
  paused_until       BIGINT  NOT NULL,
  lowered_until      BIGINT  NOT NULL,
  reason             TEXT    NOT NULL,
  updated_at         BIGINT  NOT NULL,
  PRIMARY KEY (sender_account, channel)
);
