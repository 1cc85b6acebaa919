-- HostBank module (M-19): host-bank choices, founded enterprises linked to them, quarterly figures, assessments (PostgreSQL).
-- Dates as date, instants as timestamptz, money as bigint fen.

CREATE TABLE hostbank_choices (
  id uuid NOT NULL CONSTRAINT pk_hostbank_choices PRIMARY KEY,
  talent_id uuid NOT NULL,
  partner_organisation_id uuid NOT NULL,
  since date NOT NULL,
  until date NULL,
  chosen_at timestamptz NOT NULL,
  ended_at timestamptz NULL,
  chosen_by uuid NULL,
  commitment_document text NOT NULL,
  ledger_index bigint NULL
);

CREATE UNIQUE INDEX ux_hostbank_choices_current ON hostbank_choices (talent_id) WHERE ended_at IS NULL;
CREATE INDEX ix_hostbank_choices_talent ON hostbank_choices (talent_id, chosen_at);
CREATE INDEX ix_hostbank_choices_partner ON hostbank_choices (partner_organisation_id, talent_id);

CREATE TABLE hostbank_links (
  enterprise_organisation_id uuid NOT NULL CONSTRAINT pk_hostbank_links PRIMARY KEY,
  talent_id uuid NOT NULL,
  credit_code text NOT NULL,
  linked_at timestamptz NOT NULL
);

CREATE INDEX ix_hostbank_links_talent ON hostbank_links (talent_id);

CREATE TABLE hostbank_bank_reports (
  id uuid NOT NULL CONSTRAINT pk_hostbank_bank_reports PRIMARY KEY,
  enterprise_organisation_id uuid NOT NULL,
  quarter text NOT NULL,
  partner_organisation_id uuid NOT NULL,
  deposits_fen bigint NOT NULL,
  loans_fen bigint NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by uuid NULL
);

CREATE UNIQUE INDEX ux_hostbank_bank_reports_quarter ON hostbank_bank_reports (enterprise_organisation_id, quarter);
CREATE INDEX ix_hostbank_bank_reports_partner ON hostbank_bank_reports (partner_organisation_id, quarter);

CREATE TABLE hostbank_enterprise_reports (
  id uuid NOT NULL CONSTRAINT pk_hostbank_enterprise_reports PRIMARY KEY,
  enterprise_organisation_id uuid NOT NULL,
  quarter text NOT NULL,
  total_deposits_fen bigint NOT NULL,
  total_loans_fen bigint NOT NULL,
  revenue_fen bigint NOT NULL,
  valuation_fen bigint NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by uuid NULL
);

CREATE UNIQUE INDEX ux_hostbank_enterprise_reports_quarter ON hostbank_enterprise_reports (enterprise_organisation_id, quarter);

CREATE TABLE hostbank_assessments (
  enterprise_organisation_id uuid NOT NULL,
  quarter text NOT NULL,
  talent_id uuid NOT NULL,
  partner_organisation_id uuid NOT NULL,
  outcome text NOT NULL,
  host_fen bigint NOT NULL,
  total_fen bigint NOT NULL,
  share_basis_points integer NULL,
  assessed_at timestamptz NOT NULL,
  document text NOT NULL,
  ledger_index bigint NULL,
  CONSTRAINT pk_hostbank_assessments PRIMARY KEY (enterprise_organisation_id, quarter)
);

CREATE INDEX ix_hostbank_assessments_quarter ON hostbank_assessments (quarter, outcome);
