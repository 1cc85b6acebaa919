-- Recognition module: applications and decisions, evidence, data-sharing look-ups, expert pool and panels,
-- employer quotas (SQLite). Guid as TEXT, dates as TEXT (yyyy-MM-dd), instants as TEXT (EF's DateTimeOffset format, UTC).

CREATE TABLE recognition_applications (
  id TEXT NOT NULL CONSTRAINT pk_recognition_applications PRIMARY KEY,
  number TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  path TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_level TEXT NOT NULL,
  level_at_submission TEXT NULL,
  recommended_level TEXT NULL,
  decided_level TEXT NULL,
  catalogue_version TEXT NOT NULL,
  criteria TEXT NULL,
  statement TEXT NULL,
  employer_organisation_id TEXT NULL,
  submitted_by TEXT NULL,
  submitted_on_behalf INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  panel_formed_at TEXT NULL,
  panel_formed_by TEXT NULL,
  panel_closed_at TEXT NULL,
  score_x100 INTEGER NULL,
  scores_counted INTEGER NULL,
  decided_by TEXT NULL,
  decided_at TEXT NULL,
  decision_reason TEXT NULL,
  effective_on TEXT NULL,
  quota_year INTEGER NULL,
  certificate_number TEXT NULL,
  certificate_digest TEXT NULL,
  ledger_index INTEGER NULL,
  mail_address_cipher TEXT NULL,
  mail_carrier TEXT NULL,
  mail_tracking_number TEXT NULL,
  mailed_at TEXT NULL,
  revoked_at TEXT NULL,
  revoked_by TEXT NULL,
  revoke_reason TEXT NULL,
  version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_recognition_applications_number ON recognition_applications (number);
CREATE UNIQUE INDEX ux_recognition_applications_certificate ON recognition_applications (certificate_number) WHERE certificate_number IS NOT NULL;
CREATE UNIQUE INDEX ux_recognition_applications_open ON recognition_applications (talent_id) WHERE status IN ('submitted', 'in_review', 'reviewed');
CREATE INDEX ix_recognition_applications_talent ON recognition_applications (talent_id, id);
CREATE INDEX ix_recognition_applications_queue ON recognition_applications (status, path, id);
CREATE INDEX ix_recognition_applications_employer ON recognition_applications (employer_organisation_id, path, id);

CREATE TABLE recognition_evidence (
  id TEXT NOT NULL CONSTRAINT pk_recognition_evidence PRIMARY KEY,
  application_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NULL,
  CONSTRAINT fk_recognition_evidence_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_evidence_application ON recognition_evidence (application_id);

CREATE TABLE recognition_lookups (
  id TEXT NOT NULL CONSTRAINT pk_recognition_lookups PRIMARY KEY,
  application_id TEXT NOT NULL,
  criterion_code TEXT NOT NULL,
  source TEXT NOT NULL,
  answer_id TEXT NULL,
  outcome TEXT NOT NULL,
  matched INTEGER NULL,
  explanation TEXT NOT NULL,
  answer_sha256 TEXT NULL,
  fetched_at TEXT NOT NULL,
  CONSTRAINT fk_recognition_lookups_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_lookups_application ON recognition_lookups (application_id);

CREATE TABLE recognition_experts (
  account_id TEXT NOT NULL CONSTRAINT pk_recognition_experts PRIMARY KEY,
  display_name TEXT NOT NULL,
  affiliation_organisation_id TEXT NULL,
  affiliation_name TEXT NULL,
  field TEXT NULL,
  is_active INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NULL
);

CREATE TABLE recognition_panel_members (
  application_id TEXT NOT NULL,
  expert_account_id TEXT NOT NULL,
  employer_conflict INTEGER NOT NULL,
  declared_at TEXT NULL,
  has_conflict INTEGER NULL,
  conflict_reason TEXT NULL,
  score INTEGER NULL,
  comment TEXT NULL,
  scored_at TEXT NULL,
  CONSTRAINT pk_recognition_panel_members PRIMARY KEY (application_id, expert_account_id),
  CONSTRAINT fk_recognition_panel_members_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_panel_members_expert ON recognition_panel_members (expert_account_id, application_id);

CREATE TABLE recognition_employer_quotas (
  organisation_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  level TEXT NOT NULL,
  quota INTEGER NOT NULL,
  used INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT pk_recognition_employer_quotas PRIMARY KEY (organisation_id, year, level),
  CONSTRAINT ck_recognition_employer_quotas_used CHECK (used >= 0 AND used <= quota)
);
