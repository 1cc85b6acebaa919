-- Subsidies module: payment schedules, monthly batches, holds, history, feed cursor (PostgreSQL).
-- Money as bigint fen, months as the date of their first day.

CREATE TABLE subsidies_schedules (
  id uuid NOT NULL CONSTRAINT pk_subsidies_schedules PRIMARY KEY,
  application_id uuid NOT NULL,
  matter_code text NOT NULL,
  matter_version integer NOT NULL,
  talent_id uuid NOT NULL,
  amount_fen bigint NOT NULL,
  payments integer NOT NULL,
  scheduled integer NOT NULL,
  paid integer NOT NULL,
  first_month date NOT NULL,
  decided_on date NOT NULL,
  status text NOT NULL,
  status_reason text NULL,
  status_evidence text NULL,
  status_changed_at timestamptz NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
);

CREATE TABLE subsidies_payments (
  id uuid NOT NULL CONSTRAINT pk_subsidies_payments PRIMARY KEY,
  schedule_id uuid NOT NULL,
  batch_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  month date NOT NULL,
  sequence integer NOT NULL,
  amount_fen bigint NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  paid_at timestamptz NULL
);

CREATE TABLE subsidies_batches (
  id uuid NOT NULL CONSTRAINT pk_subsidies_batches PRIMARY KEY,
  month date NOT NULL,
  status text NOT NULL,
  payment_count integer NOT NULL,
  total_fen bigint NOT NULL,
  held_count integer NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NULL,
  confirmed_at timestamptz NULL,
  confirmed_by uuid NULL,
  bank_reference text NULL,
  version integer NOT NULL
);

CREATE TABLE subsidies_holds (
  id uuid NOT NULL CONSTRAINT pk_subsidies_holds PRIMARY KEY,
  batch_id uuid NOT NULL,
  schedule_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  reason text NOT NULL,
  answer_id uuid NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE subsidies_schedule_events (
  id uuid NOT NULL CONSTRAINT pk_subsidies_schedule_events PRIMARY KEY,
  schedule_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  kind text NOT NULL,
  reason text NULL,
  evidence text NULL,
  actor_account_id uuid NULL
);

CREATE TABLE subsidies_feed_cursors (
  id text NOT NULL CONSTRAINT pk_subsidies_feed_cursors PRIMARY KEY,
  position bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_subsidies_schedules_application ON subsidies_schedules (application_id, matter_code);
CREATE INDEX ix_subsidies_schedules_talent ON subsidies_schedules (talent_id, created_at);
CREATE INDEX ix_subsidies_schedules_status ON subsidies_schedules (status, first_month);
CREATE UNIQUE INDEX ux_subsidies_payments_schedule_month ON subsidies_payments (schedule_id, month);
CREATE UNIQUE INDEX ux_subsidies_payments_schedule_sequence ON subsidies_payments (schedule_id, sequence);
CREATE INDEX ix_subsidies_payments_batch ON subsidies_payments (batch_id, id);
CREATE UNIQUE INDEX ux_subsidies_batches_month ON subsidies_batches (month);
CREATE UNIQUE INDEX ux_subsidies_holds_batch_schedule ON subsidies_holds (batch_id, schedule_id);
CREATE INDEX ix_subsidies_schedule_events_schedule ON subsidies_schedule_events (schedule_id, occurred_at);
