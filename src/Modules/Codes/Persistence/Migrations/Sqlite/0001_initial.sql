-- Codes module: signing keys, status lists, subjects, scan log (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks (100 ns since 0001-01-01: ordered and compared exactly), bytes as BLOB.

CREATE TABLE codes_keys (
  id TEXT NOT NULL CONSTRAINT pk_codes_keys PRIMARY KEY,
  key_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  profile TEXT NOT NULL,
  public_key BLOB NOT NULL,
  private_key_cipher TEXT NOT NULL,
  not_before INTEGER NOT NULL,
  not_after INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER NULL
);

CREATE UNIQUE INDEX ux_codes_keys_key_id ON codes_keys (key_id);

CREATE TABLE codes_status_lists (
  id INTEGER NOT NULL CONSTRAINT pk_codes_status_lists PRIMARY KEY,
  size INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE codes_subjects (
  talent_id TEXT NOT NULL CONSTRAINT pk_codes_subjects PRIMARY KEY,
  subject_id BLOB NOT NULL,
  status_list_id INTEGER NOT NULL,
  status_list_index INTEGER NOT NULL,
  status INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_codes_subjects_subject_id ON codes_subjects (subject_id);
CREATE UNIQUE INDEX ux_codes_subjects_list_index ON codes_subjects (status_list_id, status_list_index);
CREATE INDEX ix_codes_subjects_list_status ON codes_subjects (status_list_id, status);

CREATE TABLE codes_scans (
  id TEXT NOT NULL CONSTRAINT pk_codes_scans PRIMARY KEY,
  scanned_at INTEGER NOT NULL,
  account_id TEXT NULL,
  organisation_id TEXT NULL,
  outcome TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  status_list_id INTEGER NULL,
  status_list_index INTEGER NULL,
  level TEXT NULL,
  masked_name TEXT NULL,
  mode TEXT NULL
);

CREATE INDEX ix_codes_scans_subject ON codes_scans (status_list_id, status_list_index, scanned_at);
CREATE INDEX ix_codes_scans_organisation ON codes_scans (organisation_id, scanned_at);
CREATE INDEX ix_codes_scans_account ON codes_scans (account_id, scanned_at);
