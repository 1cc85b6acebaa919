-- Partners module: partners, applications with their files, status history, API keys, nonces, idempotency (PostgreSQL).
-- Instants as timestamptz (UTC), bytes as bytea.
CREATE TABLE partners_partners (
  organisation_id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  licence_code text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text NULL,
  agreement_digest text NOT NULL,
  agreement_ledger_index bigint NULL,
  application_id uuid NULL,
  rate_limit_per_minute integer NULL,
  onboarded_at timestamptz NOT NULL,
  onboarded_by uuid NULL,
  status_changed_at timestamptz NOT NULL,
  status_reason text NULL,
  version integer NOT NULL,
  CONSTRAINT pk_partners_partners PRIMARY KEY (organisation_id)
);
CREATE UNIQUE INDEX ux_partners_partners_code ON partners_partners (code);
CREATE UNIQUE INDEX ux_partners_partners_licence_code ON partners_partners (licence_code);

CREATE TABLE partners_applications (
  id uuid NOT NULL,
  kind text NOT NULL,
  company_name text NOT NULL,
  code text NOT NULL,
  licence_code text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text NULL,
  staff_username text NOT NULL,
  status text NOT NULL,
  submitted_at timestamptz NOT NULL,
  submitted_by uuid NULL,
  decided_at timestamptz NULL,
  decided_by uuid NULL,
  decision_reason text NULL,
  organisation_id uuid NULL,
  version integer NOT NULL,
  CONSTRAINT pk_partners_applications PRIMARY KEY (id)
);
CREATE INDEX ix_partners_applications_status ON partners_applications (status, submitted_at);

CREATE TABLE partners_application_files (
  id uuid NOT NULL,
  application_id uuid NOT NULL,
  kind text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  CONSTRAINT pk_partners_application_files PRIMARY KEY (id),
  CONSTRAINT fk_partners_application_files_application FOREIGN KEY (application_id) REFERENCES partners_applications (id) ON DELETE CASCADE
);
CREATE INDEX ix_partners_application_files_application ON partners_application_files (application_id);

CREATE TABLE partners_status_changes (
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid NULL,
  document_digest text NOT NULL,
  ledger_index bigint NULL,
  CONSTRAINT pk_partners_status_changes PRIMARY KEY (id)
);
CREATE INDEX ix_partners_status_changes_organisation ON partners_status_changes (organisation_id, changed_at);

CREATE TABLE partners_api_keys (
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  key_id text NOT NULL,
  secret_cipher text NOT NULL,
  secret_hint text NOT NULL,
  label text NOT NULL,
  is_sandbox boolean NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NULL,
  revoked_at timestamptz NULL,
  revoked_by uuid NULL,
  last_used_at timestamptz NULL,
  CONSTRAINT pk_partners_api_keys PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_partners_api_keys_key_id ON partners_api_keys (key_id);
CREATE INDEX ix_partners_api_keys_organisation ON partners_api_keys (organisation_id);

CREATE TABLE partners_nonces (
  key_id text NOT NULL,
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL,
  CONSTRAINT pk_partners_nonces PRIMARY KEY (key_id, nonce)
);
CREATE INDEX ix_partners_nonces_seen_at ON partners_nonces (seen_at);

CREATE TABLE partners_idempotency (
  organisation_id uuid NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer NOT NULL,
  response_content_type text NULL,
  response_location text NULL,
  response_body bytea NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT pk_partners_idempotency PRIMARY KEY (organisation_id, idempotency_key)
);
CREATE INDEX ix_partners_idempotency_expires_at ON partners_idempotency (expires_at);
