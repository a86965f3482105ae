-- The do-not-contact list also takes whole email domains (kind 'domain': every address at it).
-- A CHECK cannot be changed in place on SQLite, so the table is made again with its rows.
CREATE TABLE do_not_contact_v18 (
  hash      TEXT    PRIMARY KEY,
  kind      TEXT    NOT NULL CHECK (kind IN ('profile', 'email', 'domain')),
  label     TEXT    NOT NULL,
  reason    TEXT    NOT NULL,
  added_at  BIGINT  NOT NULL
);

INSERT INTO do_not_contact_v18 (hash, kind, label, reason, added_at)
  SELECT hash, kind, label, reason, added_at FROM do_not_contact;

DROP TABLE do_not_contact;

ALTER TABLE do_not_contact_v18 RENAME TO do_not_contact;
