-- Webhooks module: partner endpoints, per-key sequences and the transactional outbox (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks (100 ns since 0001-01-01), booleans as INTEGER 0/1.

CREATE TABLE webhooks_endpoints (
  partner_organisation_id TEXT NOT NULL CONSTRAINT pk_webhooks_endpoints PRIMARY KEY,
  url TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  secret_cipher TEXT NOT NULL,
  secret_created_at INTEGER NOT NULL,
  previous_secret_cipher TEXT NULL,
  previous_secret_expires_at INTEGER NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);

CREATE TABLE webhooks_streams (
  partner_organisation_id TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  last_sequence INTEGER NOT NULL,
  CONSTRAINT pk_webhooks_streams PRIMARY KEY (partner_organisation_id, ordering_key)
);

CREATE TABLE webhooks_outbox (
  id TEXT NOT NULL CONSTRAINT pk_webhooks_outbox PRIMARY KEY,
  partner_organisation_id TEXT NOT NULL,
  type TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  first_attempt_at INTEGER NULL,
  last_attempt_at INTEGER NULL,
  last_status_code INTEGER NULL,
  last_error TEXT NULL,
  delivered_at INTEGER NULL,
  lease_owner TEXT NULL,
  lease_until INTEGER NULL
);

CREATE UNIQUE INDEX ux_webhooks_outbox_stream ON webhooks_outbox (partner_organisation_id, ordering_key, sequence);
CREATE INDEX ix_webhooks_outbox_undelivered ON webhooks_outbox (partner_organisation_id, ordering_key, sequence) WHERE status <> 'delivered';
CREATE INDEX ix_webhooks_outbox_due ON webhooks_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_webhooks_outbox_partner ON webhooks_outbox (partner_organisation_id, enqueued_at);
CREATE INDEX ix_webhooks_outbox_status ON webhooks_outbox (status, enqueued_at);
