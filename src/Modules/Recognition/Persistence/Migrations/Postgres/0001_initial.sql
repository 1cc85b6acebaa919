-- Recognition module: applications and decisions, evidence, data-sharing look-ups, expert pool and panels,
-- employer quotas (PostgreSQL).

CREATE TABLE recognition_applications (
  id uuid NOT NULL CONSTRAINT pk_recognition_applications PRIMARY KEY,
  number text NOT NULL,
  talent_id uuid NOT NULL,
  path text NOT NULL,
  status text NOT NULL,
  requested_level text NOT NULL,
  level_at_submission text NULL,
  recommended_level text NULL,
  decided_level text NULL,
  catalogue_version text NOT NULL,
  criteria text NULL,
  statement text NULL,
  employer_organisation_id uuid NULL,
  submitted_by uuid NULL,
  submitted_on_behalf boolean NOT NULL,
  submitted_at timestamptz NOT NULL,
  panel_formed_at timestamptz NULL,
  panel_formed_by uuid NULL,
  panel_closed_at timestamptz NULL,
  score_x100 integer NULL,
  scores_counted integer NULL,
  decided_by uuid NULL,
  decided_at timestamptz NULL,
  decision_reason text NULL,
  effective_on date NULL,
  quota_year integer NULL,
  certificate_number text NULL,
  certificate_digest text NULL,
  ledger_index bigint NULL,
  mail_address_cipher text NULL,
  mail_carrier text NULL,
  mail_tracking_number text NULL,
  mailed_at timestamptz NULL,
  revoked_at timestamptz NULL,
  revoked_by uuid NULL,
  revoke_reason text NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_recognition_applications_number ON recognition_applications (number);
CREATE UNIQUE INDEX ux_recognition_applications_certificate ON recognition_applications (certificate_number) WHERE certificate_number IS NOT NULL;
CREATE UNIQUE INDEX ux_recognition_applications_open ON recognition_applications (talent_id) WHERE status IN ('submitted', 'in_review', 'reviewed');
CREATE INDEX ix_recognition_applications_talent ON recognition_applications (talent_id, id);
CREATE INDEX ix_recognition_applications_queue ON recognition_applications (status, path, id);
CREATE INDEX ix_recognition_applications_employer ON recognition_applications (employer_organisation_id, path, id);

CREATE TABLE recognition_evidence (
  id uuid NOT NULL CONSTRAINT pk_recognition_evidence PRIMARY KEY,
  application_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by uuid NULL,
  CONSTRAINT fk_recognition_evidence_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_evidence_application ON recognition_evidence (application_id);

CREATE TABLE recognition_lookups (
  id uuid NOT NULL CONSTRAINT pk_recognition_lookups PRIMARY KEY,
  application_id uuid NOT NULL,
  criterion_code text NOT NULL,
  source text NOT NULL,
  answer_id uuid NULL,
  outcome text NOT NULL,
  matched boolean NULL,
  explanation text NOT NULL,
  answer_sha256 text NULL,
  fetched_at timestamptz NOT NULL,
  CONSTRAINT fk_recognition_lookups_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_lookups_application ON recognition_lookups (application_id);

CREATE TABLE recognition_experts (
  account_id uuid NOT NULL CONSTRAINT pk_recognition_experts PRIMARY KEY,
  display_name text NOT NULL,
  affiliation_organisation_id uuid NULL,
  affiliation_name text NULL,
  field text NULL,
  is_active boolean NOT NULL,
  added_at timestamptz NOT NULL,
  added_by uuid NULL
);

CREATE TABLE recognition_panel_members (
  application_id uuid NOT NULL,
  expert_account_id uuid NOT NULL,
  employer_conflict boolean NOT NULL,
  declared_at timestamptz NULL,
  has_conflict boolean NULL,
  conflict_reason text NULL,
  score integer NULL,
  comment text NULL,
  scored_at timestamptz NULL,
  CONSTRAINT pk_recognition_panel_members PRIMARY KEY (application_id, expert_account_id),
  CONSTRAINT fk_recognition_panel_members_application FOREIGN KEY (application_id) REFERENCES recognition_applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_panel_members_expert ON recognition_panel_members (expert_account_id, application_id);

CREATE TABLE recognition_employer_quotas (
  organisation_id uuid NOT NULL,
  year integer NOT NULL,
  level text NOT NULL,
  quota integer NOT NULL,
  used integer NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT pk_recognition_employer_quotas PRIMARY KEY (organisation_id, year, level),
  CONSTRAINT ck_recognition_employer_quotas_used CHECK (used >= 0 AND used <= quota)
);
