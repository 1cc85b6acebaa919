-- Webhooks module: partner endpoints, per-key sequences and the transactional outbox (PostgreSQL).
-- Instants as timestamptz (UTC).

CREATE TABLE webhooks_endpoints (
  partner_organisation_id uuid NOT NULL CONSTRAINT pk_webhooks_endpoints PRIMARY KEY,
  url text NOT NULL,
  enabled boolean NOT NULL,
  secret_cipher text NOT NULL,
  secret_created_at timestamptz NOT NULL,
  previous_secret_cipher text NULL,
  previous_secret_expires_at timestamptz NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
);

CREATE TABLE webhooks_streams (
  partner_organisation_id uuid NOT NULL,
  ordering_key text NOT NULL,
  last_sequence bigint NOT NULL,
  CONSTRAINT pk_webhooks_streams PRIMARY KEY (partner_organisation_id, ordering_key)
);

CREATE TABLE webhooks_outbox (
  id uuid NOT NULL CONSTRAINT pk_webhooks_outbox PRIMARY KEY,
  partner_organisation_id uuid NOT NULL,
  type text NOT NULL,
  ordering_key text NOT NULL,
  sequence bigint NOT NULL,
  data_json text NOT NULL,
  occurred_at timestamptz NOT NULL,
  enqueued_at timestamptz NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  first_attempt_at timestamptz NULL,
  last_attempt_at timestamptz NULL,
  last_status_code integer NULL,
  last_error text NULL,
  delivered_at timestamptz NULL,
  lease_owner text NULL,
  lease_until timestamptz NULL
);

CREATE UNIQUE INDEX ux_webhooks_outbox_stream ON webhooks_outbox (partner_organisation_id, ordering_key, sequence);
CREATE INDEX ix_webhooks_outbox_undelivered ON webhooks_outbox (partner_organisation_id, ordering_key, sequence) WHERE status <> 'delivered';
CREATE INDEX ix_webhooks_outbox_due ON webhooks_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_webhooks_outbox_partner ON webhooks_outbox (partner_organisation_id, enqueued_at);
CREATE INDEX ix_webhooks_outbox_status ON webhooks_outbox (status, enqueued_at);
