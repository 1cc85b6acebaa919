-- Partners module: partners, applications with their files, status history, API keys, nonces, idempotency (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks (100 ns since 0001-01-01), booleans INTEGER 0/1, bytes as BLOB.
CREATE TABLE partners_partners (
  organisation_id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  licence_code TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  contact_email TEXT NULL,
  agreement_digest TEXT NOT NULL,
  agreement_ledger_index INTEGER NULL,
  application_id TEXT NULL,
  rate_limit_per_minute INTEGER NULL,
  onboarded_at INTEGER NOT NULL,
  onboarded_by TEXT NULL,
  status_changed_at INTEGER NOT NULL,
  status_reason TEXT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_partners_partners PRIMARY KEY (organisation_id)
);
CREATE UNIQUE INDEX ux_partners_partners_code ON partners_partners (code);
CREATE UNIQUE INDEX ux_partners_partners_licence_code ON partners_partners (licence_code);

CREATE TABLE partners_applications (
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  company_name TEXT NOT NULL,
  code TEXT NOT NULL,
  licence_code TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  contact_email TEXT NULL,
  staff_username TEXT NOT NULL,
  status TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  submitted_by TEXT NULL,
  decided_at INTEGER NULL,
  decided_by TEXT NULL,
  decision_reason TEXT NULL,
  organisation_id TEXT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_partners_applications PRIMARY KEY (id)
);
CREATE INDEX ix_partners_applications_status ON partners_applications (status, submitted_at);

CREATE TABLE partners_application_files (
  id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  uploaded_at INTEGER NOT NULL,
  CONSTRAINT pk_partners_application_files PRIMARY KEY (id),
  CONSTRAINT fk_partners_application_files_application FOREIGN KEY (application_id) REFERENCES partners_applications (id) ON DELETE CASCADE
);
CREATE INDEX ix_partners_application_files_application ON partners_application_files (application_id);

CREATE TABLE partners_status_changes (
  id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT NULL,
  document_digest TEXT NOT NULL,
  ledger_index INTEGER NULL,
  CONSTRAINT pk_partners_status_changes PRIMARY KEY (id)
);
CREATE INDEX ix_partners_status_changes_organisation ON partners_status_changes (organisation_id, changed_at);

CREATE TABLE partners_api_keys (
  id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  secret_cipher TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  label TEXT NOT NULL,
  is_sandbox INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NULL,
  revoked_at INTEGER NULL,
  revoked_by TEXT NULL,
  last_used_at INTEGER NULL,
  CONSTRAINT pk_partners_api_keys PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_partners_api_keys_key_id ON partners_api_keys (key_id);
CREATE INDEX ix_partners_api_keys_organisation ON partners_api_keys (organisation_id);

CREATE TABLE partners_nonces (
  key_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  CONSTRAINT pk_partners_nonces PRIMARY KEY (key_id, nonce)
);
CREATE INDEX ix_partners_nonces_seen_at ON partners_nonces (seen_at);

CREATE TABLE partners_idempotency (
  organisation_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_content_type TEXT NULL,
  response_location TEXT NULL,
  response_body BLOB NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  CONSTRAINT pk_partners_idempotency PRIMARY KEY (organisation_id, idempotency_key)
);
CREATE INDEX ix_partners_idempotency_expires_at ON partners_idempotency (expires_at);
