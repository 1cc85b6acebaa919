-- Contribution module: redemption projection (from IRedemptionFeed), feed cursor, versioned formula, reward decisions (SQLite).
-- Guid and dates as TEXT, instants as INTEGER UTC ticks, booleans as INTEGER 0/1.

CREATE TABLE contribution_feed_cursor (
  id INTEGER NOT NULL CONSTRAINT pk_contribution_feed_cursor PRIMARY KEY,
  last_sequence INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

INSERT INTO contribution_feed_cursor (id, last_sequence, updated_at) VALUES (1, 0, 0);

CREATE TABLE contribution_redemptions (
  redemption_id TEXT NOT NULL CONSTRAINT pk_contribution_redemptions PRIMARY KEY,
  sequence INTEGER NOT NULL,
  right_id TEXT NOT NULL,
  right_code TEXT NOT NULL,
  right_kind TEXT NOT NULL,
  provider_organisation_id TEXT NOT NULL,
  service_point_organisation_id TEXT NOT NULL,
  level TEXT NOT NULL,
  category TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  pool_code TEXT NULL,
  discount_fen INTEGER NOT NULL,
  offline INTEGER NOT NULL,
  third_party INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  month TEXT NOT NULL,
  reversed INTEGER NOT NULL,
  reversed_at INTEGER NULL
);

CREATE INDEX ix_contribution_redemptions_day ON contribution_redemptions (business_day, right_id);
CREATE INDEX ix_contribution_redemptions_institution ON contribution_redemptions (third_party, business_day, service_point_organisation_id);

CREATE TABLE contribution_formulas (
  id TEXT NOT NULL CONSTRAINT pk_contribution_formulas PRIMARY KEY,
  version INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NULL,
  yuan_weight_milli INTEGER NOT NULL,
  redemption_weight_milli INTEGER NOT NULL,
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NULL
);

CREATE UNIQUE INDEX ux_contribution_formulas_version ON contribution_formulas (version);

-- Version 1: 1 point per yuan of discount given + 1 point per redemption.
INSERT INTO contribution_formulas (id, version, valid_from, valid_to, yuan_weight_milli, redemption_weight_milli, note, created_at, created_by)
VALUES ('0190F000-0000-7000-8000-000000000001', 1, '2026-01-01', NULL, 1000, 1000, '初始公式：每让利1元计1分，每次核销计1分 / Initial: 1 point per yuan of discount, 1 point per redemption', 0, NULL);

CREATE TABLE contribution_rewards (
  id TEXT NOT NULL CONSTRAINT pk_contribution_rewards PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  redemptions INTEGER NOT NULL,
  discount_fen INTEGER NOT NULL,
  points_milli INTEGER NOT NULL,
  formula_versions TEXT NOT NULL,
  decision TEXT NOT NULL,
  document_digest TEXT NOT NULL,
  ledger_index INTEGER NULL,
  decided_by TEXT NOT NULL,
  decided_at INTEGER NOT NULL
);

CREATE INDEX ix_contribution_rewards_organisation ON contribution_rewards (organisation_id, decided_at);
