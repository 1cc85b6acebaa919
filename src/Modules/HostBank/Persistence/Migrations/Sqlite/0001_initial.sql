-- HostBank module (M-19): host-bank choices, founded enterprises linked to them, quarterly figures, assessments (SQLite).
-- Guid as TEXT, dates as TEXT (yyyy-MM-dd), instants as INTEGER UTC ticks, money as INTEGER fen, booleans as INTEGER.

CREATE TABLE hostbank_choices (
  id TEXT NOT NULL CONSTRAINT pk_hostbank_choices PRIMARY KEY,
  talent_id TEXT NOT NULL,
  partner_organisation_id TEXT NOT NULL,
  since TEXT NOT NULL,
  until TEXT NULL,
  chosen_at INTEGER NOT NULL,
  ended_at INTEGER NULL,
  chosen_by TEXT NULL,
  commitment_document TEXT NOT NULL,
  ledger_index INTEGER NULL
);

CREATE UNIQUE INDEX ux_hostbank_choices_current ON hostbank_choices (talent_id) WHERE ended_at IS NULL;
CREATE INDEX ix_hostbank_choices_talent ON hostbank_choices (talent_id, chosen_at);
CREATE INDEX ix_hostbank_choices_partner ON hostbank_choices (partner_organisation_id, talent_id);

CREATE TABLE hostbank_links (
  enterprise_organisation_id TEXT NOT NULL CONSTRAINT pk_hostbank_links PRIMARY KEY,
  talent_id TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  linked_at INTEGER NOT NULL
);

CREATE INDEX ix_hostbank_links_talent ON hostbank_links (talent_id);

CREATE TABLE hostbank_bank_reports (
  id TEXT NOT NULL CONSTRAINT pk_hostbank_bank_reports PRIMARY KEY,
  enterprise_organisation_id TEXT NOT NULL,
  quarter TEXT NOT NULL,
  partner_organisation_id TEXT NOT NULL,
  deposits_fen INTEGER NOT NULL,
  loans_fen INTEGER NOT NULL,
  reported_at INTEGER NOT NULL,
  reported_by TEXT NULL
);

CREATE UNIQUE INDEX ux_hostbank_bank_reports_quarter ON hostbank_bank_reports (enterprise_organisation_id, quarter);
CREATE INDEX ix_hostbank_bank_reports_partner ON hostbank_bank_reports (partner_organisation_id, quarter);

CREATE TABLE hostbank_enterprise_reports (
  id TEXT NOT NULL CONSTRAINT pk_hostbank_enterprise_reports PRIMARY KEY,
  enterprise_organisation_id TEXT NOT NULL,
  quarter TEXT NOT NULL,
  total_deposits_fen INTEGER NOT NULL,
  total_loans_fen INTEGER NOT NULL,
  revenue_fen INTEGER NOT NULL,
  valuation_fen INTEGER NOT NULL,
  reported_at INTEGER NOT NULL,
  reported_by TEXT NULL
);

CREATE UNIQUE INDEX ux_hostbank_enterprise_reports_quarter ON hostbank_enterprise_reports (enterprise_organisation_id, quarter);

CREATE TABLE hostbank_assessments (
  enterprise_organisation_id TEXT NOT NULL,
  quarter TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  partner_organisation_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  host_fen INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  share_basis_points INTEGER NULL,
  assessed_at INTEGER NOT NULL,
  document TEXT NOT NULL,
  ledger_index INTEGER NULL,
  CONSTRAINT pk_hostbank_assessments PRIMARY KEY (enterprise_organisation_id, quarter)
);

CREATE INDEX ix_hostbank_assessments_quarter ON hostbank_assessments (quarter, outcome);
