-- The daily check of an account's InMail credits against what the provider reports
-- (GET /linkedin/inmail_balance): the provider's figure for the account's product (NULL when it
-- reports none of that product) beside Warmreach's own ledger at the same moment. A difference is
-- kept and shown; the ledger itself is never overwritten by it. Removing the account removes it.
CREATE TABLE provider_inmail_check (
  sender_account    TEXT     PRIMARY KEY REFERENCES sender_account (name) ON DELETE CASCADE,
  product           TEXT     NOT NULL,
  provider_balance  INTEGER,
  ledger_balance    INTEGER  NOT NULL,
  checked_at        BIGINT   NOT NULL
);
