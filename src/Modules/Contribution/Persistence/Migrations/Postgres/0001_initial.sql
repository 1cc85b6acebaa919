-- Contribution module: redemption projection (from IRedemptionFeed), feed cursor, versioned formula, reward decisions (PostgreSQL).

CREATE TABLE contribution_feed_cursor (
  id integer NOT NULL CONSTRAINT pk_contribution_feed_cursor PRIMARY KEY,
  last_sequence bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

INSERT INTO contribution_feed_cursor (id, last_sequence, updated_at) VALUES (1, 0, now());

CREATE TABLE contribution_redemptions (
  redemption_id uuid NOT NULL CONSTRAINT pk_contribution_redemptions PRIMARY KEY,
  sequence bigint NOT NULL,
  right_id uuid NOT NULL,
  right_code text NOT NULL,
  right_kind text NOT NULL,
  provider_organisation_id uuid NOT NULL,
  service_point_organisation_id uuid NOT NULL,
  level text NOT NULL,
  category text NOT NULL,
  beneficiary text NOT NULL,
  pool_code text NULL,
  discount_fen bigint NOT NULL,
  offline boolean NOT NULL,
  third_party boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  business_day date NOT NULL,
  month text NOT NULL,
  reversed boolean NOT NULL,
  reversed_at timestamptz NULL
);

CREATE INDEX ix_contribution_redemptions_day ON contribution_redemptions (business_day, right_id);
CREATE INDEX ix_contribution_redemptions_institution ON contribution_redemptions (third_party, business_day, service_point_organisation_id);

CREATE TABLE contribution_formulas (
  id uuid NOT NULL CONSTRAINT pk_contribution_formulas PRIMARY KEY,
  version integer NOT NULL,
  valid_from date NOT NULL,
  valid_to date NULL,
  yuan_weight_milli integer NOT NULL,
  redemption_weight_milli integer NOT NULL,
  note text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NULL
);

CREATE UNIQUE INDEX ux_contribution_formulas_version ON contribution_formulas (version);

-- Version 1: 1 point per yuan of discount given + 1 point per redemption.
INSERT INTO contribution_formulas (id, version, valid_from, valid_to, yuan_weight_milli, redemption_weight_milli, note, created_at, created_by)
VALUES ('0190f000-0000-7000-8000-000000000001', 1, DATE '2026-01-01', NULL, 1000, 1000, '初始公式：每让利1元计1分，每次核销计1分 / Initial: 1 point per yuan of discount, 1 point per redemption', now(), NULL);

CREATE TABLE contribution_rewards (
  id uuid NOT NULL CONSTRAINT pk_contribution_rewards PRIMARY KEY,
  organisation_id uuid NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  redemptions integer NOT NULL,
  discount_fen bigint NOT NULL,
  points_milli bigint NOT NULL,
  formula_versions text NOT NULL,
  decision text NOT NULL,
  document_digest text NOT NULL,
  ledger_index bigint NULL,
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL
);

CREATE INDEX ix_contribution_rewards_organisation ON contribution_rewards (organisation_id, decided_at);
