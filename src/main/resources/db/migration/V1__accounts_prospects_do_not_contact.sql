-- One schema for SQLite and PostgreSQL; ${id_column} is the only difference.
-- Instants are epoch milliseconds (BIGINT) on both, so they sort and compare the same way.

CREATE TABLE workspace (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  hash_key    TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);

CREATE TABLE sender_account (
  name                    TEXT    PRIMARY KEY,
  plan                    TEXT    NOT NULL,
  weekly_invitation_cap   INTEGER NOT NULL,
  monthly_inmail_credits  INTEGER NOT NULL,
  time_zone               TEXT    NOT NULL,
  working_hours           TEXT    NOT NULL,
  created_at              BIGINT  NOT NULL
);

CREATE TABLE prospect (
  id              ${id_column},
  first_name      TEXT    NOT NULL,
  last_name       TEXT    NOT NULL,
  profile_url     TEXT    UNIQUE,
  email           TEXT,
  title           TEXT    NOT NULL,
  seniority       TEXT    NOT NULL,
  company         TEXT    NOT NULL,
  location        TEXT    NOT NULL,
  -- canonical tags between bars, e.g. |dach|saas|, so one LIKE finds a tag
  tags            TEXT    NOT NULL,
  -- name, company and title folded to lower case by the application (SQLite folds only ASCII)
  search_text     TEXT    NOT NULL,
  activity        TEXT    NOT NULL,
  degree          TEXT    NOT NULL,
  open_profile    BOOLEAN NOT NULL,
  do_not_contact  BOOLEAN NOT NULL,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  CHECK (profile_url IS NOT NULL OR email IS NOT NULL)
);

CREATE INDEX prospect_email ON prospect (lower(email));
CREATE INDEX prospect_seniority ON prospect (seniority);

CREATE TABLE do_not_contact (
  hash      TEXT    PRIMARY KEY,
  kind      TEXT    NOT NULL CHECK (kind IN ('profile', 'email')),
  label     TEXT    NOT NULL,
  reason    TEXT    NOT NULL,
  added_at  BIGINT  NOT NULL
);
