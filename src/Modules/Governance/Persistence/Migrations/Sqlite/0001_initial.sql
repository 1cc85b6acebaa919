-- Governance module: rules (versioned), misuse reports, scan signals, cases, appeals, decisions, restrictions (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks, booleans as INTEGER 0/1.

CREATE TABLE governance_rules (
  id TEXT NOT NULL CONSTRAINT pk_governance_rules PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  owner_kind TEXT NOT NULL,
  owner_organisation_id TEXT NULL,
  misuse_reports_min INTEGER NULL,
  misuse_reports_days INTEGER NULL,
  review_overdue INTEGER NOT NULL,
  left_area INTEGER NOT NULL,
  confirmed_signal INTEGER NOT NULL,
  response_working_days INTEGER NOT NULL,
  decider_role TEXT NOT NULL,
  decider_not_sender INTEGER NOT NULL,
  effect TEXT NOT NULL,
  effect_partner_id TEXT NULL,
  termination_ground TEXT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NULL,
  ended_at INTEGER NULL
);

CREATE UNIQUE INDEX ux_governance_rules_code_version ON governance_rules (code, version);
CREATE UNIQUE INDEX ux_governance_rules_active ON governance_rules (code) WHERE status = 'active';

CREATE TABLE governance_misuse_reports (
  id TEXT NOT NULL CONSTRAINT pk_governance_misuse_reports PRIMARY KEY,
  talent_id TEXT NOT NULL,
  organisation_id TEXT NULL,
  account_id TEXT NULL,
  channel TEXT NOT NULL,
  description TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX ix_governance_misuse_reports_talent ON governance_misuse_reports (talent_id, occurred_at);
CREATE INDEX ix_governance_misuse_reports_occurred ON governance_misuse_reports (occurred_at);

CREATE TABLE governance_signals (
  id TEXT NOT NULL CONSTRAINT pk_governance_signals PRIMARY KEY,
  talent_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  first_scan_id TEXT NOT NULL,
  second_scan_id TEXT NOT NULL,
  first_organisation_id TEXT NULL,
  second_organisation_id TEXT NULL,
  first_at INTEGER NOT NULL,
  second_at INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  reviewed_by TEXT NULL,
  reviewed_at INTEGER NULL,
  review_note TEXT NULL
);

CREATE UNIQUE INDEX ux_governance_signals_scan_kind ON governance_signals (second_scan_id, kind);
CREATE INDEX ix_governance_signals_status ON governance_signals (status, detected_at);
CREATE INDEX ix_governance_signals_talent ON governance_signals (talent_id, status);

CREATE TABLE governance_signal_cursor (
  id INTEGER NOT NULL CONSTRAINT pk_governance_signal_cursor PRIMARY KEY,
  after_at INTEGER NOT NULL,
  after_id TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE governance_engine_state (
  id INTEGER NOT NULL CONSTRAINT pk_governance_engine_state PRIMARY KEY,
  last_run_at INTEGER NOT NULL
);

CREATE TABLE governance_cases (
  id TEXT NOT NULL CONSTRAINT pk_governance_cases PRIMARY KEY,
  talent_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  rule_code TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  effect TEXT NOT NULL,
  status TEXT NOT NULL,
  facts_json TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  opened_by TEXT NULL,
  notice_sent_at INTEGER NOT NULL,
  notice_sent_by TEXT NULL,
  respond_until INTEGER NOT NULL,
  response TEXT NULL,
  responded_at INTEGER NULL,
  outcome TEXT NULL,
  decided_at INTEGER NULL,
  decided_by TEXT NULL,
  decision_reason TEXT NULL,
  appeal_until INTEGER NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_governance_cases_open ON governance_cases (talent_id, rule_code) WHERE status = 'noticed';
CREATE INDEX ix_governance_cases_status ON governance_cases (status, opened_at);
CREATE INDEX ix_governance_cases_talent ON governance_cases (talent_id, opened_at);

CREATE TABLE governance_appeals (
  id TEXT NOT NULL CONSTRAINT pk_governance_appeals PRIMARY KEY,
  case_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  grounds TEXT NOT NULL,
  filed_at INTEGER NOT NULL,
  decide_by INTEGER NOT NULL,
  status TEXT NOT NULL,
  decided_at INTEGER NULL,
  decided_by TEXT NULL,
  reason TEXT NULL
);

CREATE UNIQUE INDEX ux_governance_appeals_case ON governance_appeals (case_id);
CREATE INDEX ix_governance_appeals_status ON governance_appeals (status, decide_by);

CREATE TABLE governance_decisions (
  id TEXT NOT NULL CONSTRAINT pk_governance_decisions PRIMARY KEY,
  case_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  rule_code TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  facts_json TEXT NOT NULL,
  decided_by TEXT NULL,
  decider_role TEXT NOT NULL,
  reason TEXT NOT NULL,
  ground TEXT NULL,
  decided_at INTEGER NOT NULL,
  document_digest TEXT NOT NULL,
  ledger_kind TEXT NULL,
  ledger_index INTEGER NULL
);

CREATE INDEX ix_governance_decisions_case ON governance_decisions (case_id, decided_at);
CREATE INDEX ix_governance_decisions_kind ON governance_decisions (kind, decided_at);
CREATE INDEX ix_governance_decisions_talent ON governance_decisions (talent_id, decided_at);

CREATE TABLE governance_restrictions (
  id TEXT NOT NULL CONSTRAINT pk_governance_restrictions PRIMARY KEY,
  talent_id TEXT NOT NULL,
  partner_organisation_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  lifted_at INTEGER NULL
);

CREATE INDEX ix_governance_restrictions_talent ON governance_restrictions (talent_id, partner_organisation_id);

INSERT INTO governance_signal_cursor (id, after_at, after_id, updated_at) VALUES (1, 0, '00000000-0000-0000-0000-000000000000', 0);
INSERT INTO governance_engine_state (id, last_run_at) VALUES (1, 0);
