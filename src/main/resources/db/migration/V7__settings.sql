-- Workspace settings the user makes once and every node reads: the SMTP server, the webhook.
CREATE TABLE setting (
  name        TEXT    PRIMARY KEY,
  value       TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL
);
