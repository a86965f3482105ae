-- Campaigns, the durable state of each prospect's sequence, the touches it made (each with an
-- idempotency key, so a replayed step never sends twice), the events that moved it, and the
-- decisions with their reasons. ${id_column}, ${timestamp_type} and ${blob_type} differ per database.

CREATE TABLE campaign (
  id          ${id_column},
  name        TEXT    NOT NULL UNIQUE,
  policy      TEXT    NOT NULL,
  -- the campaign definition (sequence, templates, settings) as JSON
  definition  TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);

CREATE TABLE campaign_account (
  campaign_id  BIGINT  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  account      TEXT    NOT NULL REFERENCES sender_account (name),
  PRIMARY KEY (campaign_id, account)
);

CREATE TABLE enrollment (
  id               ${id_column},
  campaign_id      BIGINT  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  prospect_id      BIGINT  NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  sender_account   TEXT    NOT NULL REFERENCES sender_account (name),
  step             TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  entered_step_at  BIGINT  NOT NULL,
  next_due_at      BIGINT,
  version          BIGINT  NOT NULL,
  UNIQUE (campaign_id, prospect_id)
);

CREATE INDEX enrollment_due ON enrollment (next_due_at);
CREATE INDEX enrollment_prospect ON enrollment (prospect_id);

-- What Warmreach knows of each prospect's story across campaigns (JSON), moved with a version check.
CREATE TABLE prospect_history (
  prospect_id  BIGINT  PRIMARY KEY REFERENCES prospect (id) ON DELETE CASCADE,
  state        TEXT    NOT NULL,
  version      BIGINT  NOT NULL
);

-- Each sender account's limits as of its last action (JSON), moved with a version check.
CREATE TABLE account_state (
  account  TEXT    PRIMARY KEY REFERENCES sender_account (name) ON DELETE CASCADE,
  state    TEXT    NOT NULL,
  version  BIGINT  NOT NULL
);

CREATE TABLE touch (
  id               ${id_column},
  enrollment_id    BIGINT   NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  prospect_id      BIGINT   NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  sender_account   TEXT     NOT NULL,
  step             TEXT     NOT NULL,
  channel          TEXT     NOT NULL,
  with_note        BOOLEAN  NOT NULL,
  template         TEXT,
  status           TEXT     NOT NULL,
  due_at           BIGINT   NOT NULL,
  done_at          BIGINT,
  idempotency_key  TEXT     NOT NULL UNIQUE,
  reason           TEXT     NOT NULL
);

CREATE INDEX touch_status ON touch (status, due_at);
CREATE INDEX touch_prospect ON touch (prospect_id);

CREATE TABLE prospect_event (
  id               ${id_column},
  prospect_id      BIGINT  NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL,
  channel          TEXT,
  detail           TEXT    NOT NULL,
  happened_at      BIGINT  NOT NULL,
  idempotency_key  TEXT    NOT NULL UNIQUE
);

CREATE INDEX prospect_event_prospect ON prospect_event (prospect_id);

CREATE TABLE decision (
  id             ${id_column},
  enrollment_id  BIGINT  NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  prospect_id    BIGINT  NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  step           TEXT    NOT NULL,
  kind           TEXT    NOT NULL,
  summary        TEXT    NOT NULL,
  decided_at     BIGINT  NOT NULL
);

CREATE INDEX decision_enrollment ON decision (enrollment_id, decided_at);

-- Responses of the simulated network waiting for their (virtual) time, for dry runs.
CREATE TABLE simulated_reaction (
  id               ${id_column},
  prospect_id      BIGINT  NOT NULL REFERENCES prospect (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL,
  channel          TEXT    NOT NULL,
  due_at           BIGINT  NOT NULL,
  idempotency_key  TEXT    NOT NULL UNIQUE
);

CREATE INDEX simulated_reaction_due ON simulated_reaction (due_at);

-- db-scheduler's table (its documented schema; timestamps in UTC).
CREATE TABLE scheduled_tasks (
  task_name             TEXT              NOT NULL,
  task_instance         TEXT              NOT NULL,
  task_data             ${blob_type},
  execution_time        ${timestamp_type} NOT NULL,
  picked                BOOLEAN           NOT NULL,
  picked_by             TEXT,
  last_success          ${timestamp_type},
  last_failure          ${timestamp_type},
  consecutive_failures  INT,
  last_heartbeat        ${timestamp_type},
  version               BIGINT            NOT NULL,
  priority              SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority, execution_time);
