-- Talents module: registry, provenance, level history, change requests, enterprises (SQLite).
-- Guid as TEXT, dates as TEXT (yyyy-MM-dd), instants as TEXT (EF's DateTimeOffset format, always UTC).

CREATE TABLE talents_talents (
  id TEXT NOT NULL CONSTRAINT pk_talents_talents PRIMARY KEY,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number_cipher TEXT NOT NULL,
  id_number_hash TEXT NOT NULL,
  id_suffix TEXT NOT NULL,
  id_masked TEXT NOT NULL,
  phone_cipher TEXT NULL,
  phone_hash TEXT NULL,
  phone_masked TEXT NULL,
  address_cipher TEXT NULL,
  education_degree TEXT NULL,
  education_school TEXT NULL,
  education_major TEXT NULL,
  education_graduation_year INTEGER NULL,
  academic_titles TEXT NULL,
  academic_fields TEXT NULL,
  research_projects TEXT NULL,
  research_papers TEXT NULL,
  research_patents TEXT NULL,
  honours TEXT NULL,
  employer_organisation_id TEXT NULL,
  employer_name TEXT NULL,
  account_id TEXT NULL,
  level TEXT NOT NULL,
  level_effective_on TEXT NOT NULL,
  category TEXT NOT NULL,
  category_effective_on TEXT NOT NULL,
  status TEXT NOT NULL,
  status_changed_at TEXT NOT NULL,
  status_reason TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_talents_talents_id_number_hash ON talents_talents (id_number_hash);
CREATE UNIQUE INDEX ux_talents_talents_account_id ON talents_talents (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX ix_talents_talents_name ON talents_talents (name, id);
CREATE INDEX ix_talents_talents_id_suffix ON talents_talents (id_suffix, name, id);
CREATE INDEX ix_talents_talents_level_name ON talents_talents (level, name, id);
CREATE INDEX ix_talents_talents_level_status_name ON talents_talents (level, status, name, id);
CREATE INDEX ix_talents_talents_status_name ON talents_talents (status, name, id);
CREATE INDEX ix_talents_talents_employer_name ON talents_talents (employer_name, name, id);
CREATE INDEX ix_talents_talents_employer_organisation ON talents_talents (employer_organisation_id, name, id);
CREATE INDEX ix_talents_talents_phone_hash ON talents_talents (phone_hash);

CREATE TABLE talents_field_provenance (
  talent_id TEXT NOT NULL,
  field TEXT NOT NULL,
  state TEXT NOT NULL,
  verified_by TEXT NULL,
  source TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT pk_talents_field_provenance PRIMARY KEY (talent_id, field),
  CONSTRAINT fk_talents_field_provenance_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE TABLE talents_level_history (
  id TEXT NOT NULL CONSTRAINT pk_talents_level_history PRIMARY KEY,
  talent_id TEXT NOT NULL,
  from_level TEXT NULL,
  to_level TEXT NOT NULL,
  from_category TEXT NULL,
  to_category TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NULL,
  decided_at TEXT NOT NULL,
  CONSTRAINT fk_talents_level_history_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_level_history_talent ON talents_level_history (talent_id, id);

CREATE TABLE talents_change_requests (
  id TEXT NOT NULL CONSTRAINT pk_talents_change_requests PRIMARY KEY,
  talent_id TEXT NOT NULL,
  field TEXT NOT NULL,
  proposed_value TEXT NULL,
  status TEXT NOT NULL,
  requested_by TEXT NULL,
  requested_at TEXT NOT NULL,
  reviewer_id TEXT NULL,
  review_reason TEXT NULL,
  reviewed_at TEXT NULL,
  CONSTRAINT fk_talents_change_requests_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_change_requests_status ON talents_change_requests (status, id);
CREATE INDEX ix_talents_change_requests_talent ON talents_change_requests (talent_id, id);
CREATE UNIQUE INDEX ux_talents_change_requests_pending_field ON talents_change_requests (talent_id, field) WHERE status = 'pending';

CREATE TABLE talents_enterprises (
  organisation_id TEXT NOT NULL CONSTRAINT pk_talents_enterprises PRIMARY KEY,
  credit_code TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  founded_on TEXT NULL,
  industry TEXT NULL,
  founder_talent_id TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_talents_enterprises_credit_code ON talents_enterprises (credit_code);

CREATE TABLE talents_enterprise_projects (
  id TEXT NOT NULL CONSTRAINT pk_talents_enterprise_projects PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NULL,
  funding_fen INTEGER NOT NULL,
  starts_on TEXT NULL,
  ends_on TEXT NULL,
  CONSTRAINT fk_talents_enterprise_projects_enterprise FOREIGN KEY (enterprise_id) REFERENCES talents_enterprises (organisation_id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_enterprise_projects_enterprise ON talents_enterprise_projects (enterprise_id);

CREATE TABLE talents_enterprise_cooperations (
  id TEXT NOT NULL CONSTRAINT pk_talents_enterprise_cooperations PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  partner_name TEXT NOT NULL,
  description TEXT NULL,
  since TEXT NULL,
  CONSTRAINT fk_talents_enterprise_cooperations_enterprise FOREIGN KEY (enterprise_id) REFERENCES talents_enterprises (organisation_id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_enterprise_cooperations_enterprise ON talents_enterprise_cooperations (enterprise_id);
