-- Subsidies module: payment schedules, monthly batches, holds, history, feed cursor (SQLite).
-- Guid and dates as TEXT, instants as INTEGER UTC ticks, money as INTEGER fen.

CREATE TABLE subsidies_schedules (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_schedules PRIMARY KEY,
  application_id TEXT NOT NULL,
  matter_code TEXT NOT NULL,
  matter_version INTEGER NOT NULL,
  talent_id TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  payments INTEGER NOT NULL,
  scheduled INTEGER NOT NULL,
  paid INTEGER NOT NULL,
  first_month TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT NULL,
  status_evidence TEXT NULL,
  status_changed_at INTEGER NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);

CREATE TABLE subsidies_payments (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_payments PRIMARY KEY,
  schedule_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  month TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  paid_at INTEGER NULL
);

CREATE TABLE subsidies_batches (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_batches PRIMARY KEY,
  month TEXT NOT NULL,
  status TEXT NOT NULL,
  payment_count INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  held_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NULL,
  confirmed_at INTEGER NULL,
  confirmed_by TEXT NULL,
  bank_reference TEXT NULL,
  version INTEGER NOT NULL
);

CREATE TABLE subsidies_holds (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_holds PRIMARY KEY,
  batch_id TEXT NOT NULL,
  schedule_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  answer_id TEXT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE subsidies_schedule_events (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_schedule_events PRIMARY KEY,
  schedule_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NULL,
  evidence TEXT NULL,
  actor_account_id TEXT NULL
);

CREATE TABLE subsidies_feed_cursors (
  id TEXT NOT NULL CONSTRAINT pk_subsidies_feed_cursors PRIMARY KEY,
  position INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
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
