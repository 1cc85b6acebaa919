-- Cards module: applications with consent, per-partner customer references, cards, feed cursor, verification log (PostgreSQL).
-- Instants as timestamptz (UTC).

CREATE TABLE cards_applications (
  id uuid NOT NULL CONSTRAINT pk_cards_applications PRIMARY KEY,
  talent_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  customer_ref text NOT NULL,
  status text NOT NULL,
  consent_version text NOT NULL,
  consent_fields text NOT NULL,
  consented_at timestamptz NOT NULL,
  consent_withdrawn_at timestamptz NULL,
  shared_data_cipher text NULL,
  created_at timestamptz NOT NULL,
  decided_at timestamptz NULL,
  decided_by uuid NULL,
  decision_reason text NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_cards_applications_open ON cards_applications (talent_id, partner_id) WHERE status IN ('pending', 'approved', 'issued');
CREATE INDEX ix_cards_applications_partner_status ON cards_applications (partner_id, status, created_at);
CREATE INDEX ix_cards_applications_talent ON cards_applications (talent_id, created_at);

CREATE TABLE cards_customers (
  partner_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  customer_ref text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT pk_cards_customers PRIMARY KEY (partner_id, talent_id)
);

CREATE UNIQUE INDEX ux_cards_customers_ref ON cards_customers (customer_ref);

CREATE TABLE cards_cards (
  id uuid NOT NULL CONSTRAINT pk_cards_cards PRIMARY KEY,
  application_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  customer_ref text NOT NULL,
  token_hash text NOT NULL,
  token_hint text NOT NULL,
  last4 text NOT NULL,
  status text NOT NULL,
  partner_suspended boolean NOT NULL,
  issued_at timestamptz NOT NULL,
  activated_at timestamptz NULL,
  status_changed_at timestamptz NOT NULL,
  status_reason text NULL,
  replaces_card_id uuid NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_cards_cards_partner_token ON cards_cards (partner_id, token_hash);
CREATE INDEX ix_cards_cards_talent ON cards_cards (talent_id, status);
CREATE INDEX ix_cards_cards_partner_status ON cards_cards (partner_id, status, issued_at);
CREATE INDEX ix_cards_cards_partner_customer ON cards_cards (partner_id, customer_ref);
CREATE INDEX ix_cards_cards_application ON cards_cards (application_id);

CREATE TABLE cards_feed_cursor (
  id integer NOT NULL CONSTRAINT pk_cards_feed_cursor PRIMARY KEY,
  last_sequence bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

INSERT INTO cards_feed_cursor (id, last_sequence, updated_at) VALUES (1, 0, now());

CREATE TABLE cards_verifications (
  id uuid NOT NULL CONSTRAINT pk_cards_verifications PRIMARY KEY,
  verified_at timestamptz NOT NULL,
  partner_id uuid NOT NULL,
  account_id uuid NULL,
  outcome text NOT NULL,
  reason_code text NOT NULL,
  card_id uuid NULL,
  token_hash text NOT NULL
);

CREATE INDEX ix_cards_verifications_partner ON cards_verifications (partner_id, verified_at);
CREATE INDEX ix_cards_verifications_card ON cards_verifications (card_id, verified_at);
