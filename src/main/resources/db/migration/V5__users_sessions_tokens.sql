-- People who sign in to the server, their browser sessions, their API tokens, and the one-time
-- link that creates the first admin. Only hashes of secrets are stored: a copy of the database
-- lets nobody sign in. Instants are epoch milliseconds, as everywhere.

CREATE TABLE users (
  id             ${id_column},
  -- lower case, so Ana@Example.com and ana@example.com are one person
  email          TEXT    NOT NULL UNIQUE,
  role           TEXT    NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
  -- Argon2id in the PHC string format: $argon2id$v=19$m=…,t=…,p=…$salt$hash
  password_hash  TEXT    NOT NULL,
  created_at     BIGINT  NOT NULL
);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the random 256-bit id in the cookie; the id itself is never stored
  id_hash     TEXT    PRIMARY KEY,
  user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- the synchronizer token a cookie-authenticated request must echo in X-CSRF-Token
  csrf_token  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  expires_at  BIGINT  NOT NULL
);

CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id          ${id_column},
  user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        TEXT    NOT NULL,
  -- SHA-256 (hex) of the token; the token is shown once, when it is created
  token_hash  TEXT    NOT NULL UNIQUE,
  created_at  BIGINT  NOT NULL,
  revoked_at  BIGINT
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE setup_tokens (
  token_hash  TEXT    PRIMARY KEY,
  expires_at  BIGINT  NOT NULL
);
