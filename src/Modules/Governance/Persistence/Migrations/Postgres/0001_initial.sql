-- Governance module: rules (versioned), misuse reports, scan signals, cases, appeals, decisions, restrictions (PostgreSQL).
-- Instants as timestamptz (UTC).

CREATE TABLE governance_rules (
  id uuid NOT NULL CONSTRAINT pk_governance_rules PRIMARY KEY,
  code text NOT NULL,
  version integer NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  owner_kind text NOT NULL,
  owner_organisation_id uuid NULL,
  misuse_reports_min integer NULL,
  misuse_reports_days integer NULL,
  review_overdue boolean NOT NULL,
  left_area boolean NOT NULL,
  confirmed_signal boolean NOT NULL,
  response_working_days integer NOT NULL,
  decider_role text NOT NULL,
  decider_not_sender boolean NOT NULL,
  effect text NOT NULL,
  effect_partner_id uuid NULL,
  termination_ground text NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NULL,
  ended_at timestamptz NULL
);

CREATE UNIQUE INDEX ux_governance_rules_code_version ON governance_rules (code, version);
CREATE UNIQUE INDEX ux_governance_rules_active ON governance_rules (code) WHERE status = 'active';

CREATE TABLE governance_misuse_reports (
  id uuid NOT NULL CONSTRAINT pk_governance_misuse_reports PRIMARY KEY,
  talent_id uuid NOT NULL,
  organisation_id uuid NULL,
  account_id uuid NULL,
  channel text NOT NULL,
  description text NOT NULL,
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE INDEX ix_governance_misuse_reports_talent ON governance_misuse_reports (talent_id, occurred_at);
CREATE INDEX ix_governance_misuse_reports_occurred ON governance_misuse_reports (occurred_at);

CREATE TABLE governance_signals (
  id uuid NOT NULL CONSTRAINT pk_governance_signals PRIMARY KEY,
  talent_id uuid NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  first_scan_id uuid NOT NULL,
  second_scan_id uuid NOT NULL,
  first_organisation_id uuid NULL,
  second_organisation_id uuid NULL,
  first_at timestamptz NOT NULL,
  second_at timestamptz NOT NULL,
  detected_at timestamptz NOT NULL,
  reviewed_by uuid NULL,
  reviewed_at timestamptz NULL,
  review_note text NULL
);

CREATE UNIQUE INDEX ux_governance_signals_scan_kind ON governance_signals (second_scan_id, kind);
CREATE INDEX ix_governance_signals_status ON governance_signals (status, detected_at);
CREATE INDEX ix_governance_signals_talent ON governance_signals (talent_id, status);

CREATE TABLE governance_signal_cursor (
  id integer NOT NULL CONSTRAINT pk_governance_signal_cursor PRIMARY KEY,
  after_at timestamptz NOT NULL,
  after_id uuid NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE governance_engine_state (
  id integer NOT NULL CONSTRAINT pk_governance_engine_state PRIMARY KEY,
  last_run_at timestamptz NOT NULL
);

CREATE TABLE governance_cases (
  id uuid NOT NULL CONSTRAINT pk_governance_cases PRIMARY KEY,
  talent_id uuid NOT NULL,
  rule_id uuid NOT NULL,
  rule_code text NOT NULL,
  rule_version integer NOT NULL,
  effect text NOT NULL,
  status text NOT NULL,
  facts_json text NOT NULL,
  opened_at timestamptz NOT NULL,
  opened_by uuid NULL,
  notice_sent_at timestamptz NOT NULL,
  notice_sent_by uuid NULL,
  respond_until timestamptz NOT NULL,
  response text NULL,
  responded_at timestamptz NULL,
  outcome text NULL,
  decided_at timestamptz NULL,
  decided_by uuid NULL,
  decision_reason text NULL,
  appeal_until timestamptz NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_governance_cases_open ON governance_cases (talent_id, rule_code) WHERE status = 'noticed';
CREATE INDEX ix_governance_cases_status ON governance_cases (status, opened_at);
CREATE INDEX ix_governance_cases_talent ON governance_cases (talent_id, opened_at);

CREATE TABLE governance_appeals (
  id uuid NOT NULL CONSTRAINT pk_governance_appeals PRIMARY KEY,
  case_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  grounds text NOT NULL,
  filed_at timestamptz NOT NULL,
  decide_by timestamptz NOT NULL,
  status text NOT NULL,
  decided_at timestamptz NULL,
  decided_by uuid NULL,
  reason text NULL
);

CREATE UNIQUE INDEX ux_governance_appeals_case ON governance_appeals (case_id);
CREATE INDEX ix_governance_appeals_status ON governance_appeals (status, decide_by);

CREATE TABLE governance_decisions (
  id uuid NOT NULL CONSTRAINT pk_governance_decisions PRIMARY KEY,
  case_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  kind text NOT NULL,
  outcome text NOT NULL,
  rule_code text NOT NULL,
  rule_version integer NOT NULL,
  facts_json text NOT NULL,
  decided_by uuid NULL,
  decider_role text NOT NULL,
  reason text NOT NULL,
  ground text NULL,
  decided_at timestamptz NOT NULL,
  document_digest text NOT NULL,
  ledger_kind text NULL,
  ledger_index bigint NULL
);

CREATE INDEX ix_governance_decisions_case ON governance_decisions (case_id, decided_at);
CREATE INDEX ix_governance_decisions_kind ON governance_decisions (kind, decided_at);
CREATE INDEX ix_governance_decisions_talent ON governance_decisions (talent_id, decided_at);

CREATE TABLE governance_restrictions (
  id uuid NOT NULL CONSTRAINT pk_governance_restrictions PRIMARY KEY,
  talent_id uuid NOT NULL,
  partner_organisation_id uuid NOT NULL,
  case_id uuid NOT NULL,
  started_at timestamptz NOT NULL,
  lifted_at timestamptz NULL
);

CREATE INDEX ix_governance_restrictions_talent ON governance_restrictions (talent_id, partner_organisation_id);

INSERT INTO governance_signal_cursor (id, after_at, after_id, updated_at) VALUES (1, '0001-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000', '0001-01-01T00:00:00Z');
INSERT INTO governance_engine_state (id, last_run_at) VALUES (1, '0001-01-01T00:00:00Z');
