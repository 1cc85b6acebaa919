-- Cards module: applications with consent, per-partner customer references, cards, feed cursor, verification log (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks, booleans as INTEGER 0/1.

CREATE TABLE cards_applications (
  id TEXT NOT NULL CONSTRAINT pk_cards_applications PRIMARY KEY,
  talent_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  customer_ref TEXT NOT NULL,
  status TEXT NOT NULL,
  consent_version TEXT NOT NULL,
  consent_fields TEXT NOT NULL,
  consented_at INTEGER NOT NULL,
  consent_withdrawn_at INTEGER NULL,
  shared_data_cipher TEXT NULL,
  created_at INTEGER NOT NULL,
  decided_at INTEGER NULL,
  decided_by TEXT NULL,
  decision_reason TEXT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_cards_applications_open ON cards_applications (talent_id, partner_id) WHERE status IN ('pending', 'approved', 'issued');
CREATE INDEX ix_cards_applications_partner_status ON cards_applications (partner_id, status, created_at);
CREATE INDEX ix_cards_applications_talent ON cards_applications (talent_id, created_at);

CREATE TABLE cards_customers (
  partner_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  customer_ref TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  CONSTRAINT pk_cards_customers PRIMARY KEY (partner_id, talent_id)
);

CREATE UNIQUE INDEX ux_cards_customers_ref ON cards_customers (customer_ref);

CREATE TABLE cards_cards (
  id TEXT NOT NULL CONSTRAINT pk_cards_cards PRIMARY KEY,
  application_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  customer_ref TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  token_hint TEXT NOT NULL,
  last4 TEXT NOT NULL,
  status TEXT NOT NULL,
  partner_suspended INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  activated_at INTEGER NULL,
  status_changed_at INTEGER NOT NULL,
  status_reason TEXT NULL,
  replaces_card_id TEXT NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_cards_cards_partner_token ON cards_cards (partner_id, token_hash);
CREATE INDEX ix_cards_cards_talent ON cards_cards (talent_id, status);
CREATE INDEX ix_cards_cards_partner_status ON cards_cards (partner_id, status, issued_at);
CREATE INDEX ix_cards_cards_partner_customer ON cards_cards (partner_id, customer_ref);
CREATE INDEX ix_cards_cards_application ON cards_cards (application_id);

CREATE TABLE cards_feed_cursor (
  id INTEGER NOT NULL CONSTRAINT pk_cards_feed_cursor PRIMARY KEY,
  last_sequence INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

INSERT INTO cards_feed_cursor (id, last_sequence, updated_at) VALUES (1, 0, 0);

CREATE TABLE cards_verifications (
  id TEXT NOT NULL CONSTRAINT pk_cards_verifications PRIMARY KEY,
  verified_at INTEGER NOT NULL,
  partner_id TEXT NOT NULL,
  account_id TEXT NULL,
  outcome TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  card_id TEXT NULL,
  token_hash TEXT NOT NULL
);

CREATE INDEX ix_cards_verifications_partner ON cards_verifications (partner_id, verified_at);
CREATE INDEX ix_cards_verifications_card ON cards_verifications (card_id, verified_at);
