-- Rights module: the catalogue (current rights + every revision + one catalogue revision row), family members
-- (encrypted) and financing applications. SQLite: Guid and dates as TEXT, instants as UTC ticks (INTEGER),
-- booleans as INTEGER; list-valued definition fields as JSON text.

CREATE TABLE rights_rights (
  id TEXT NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_zh TEXT NOT NULL,
  description_en TEXT NOT NULL,
  provider_organisation_id TEXT NOT NULL,
  levels TEXT NOT NULL,
  categories TEXT NOT NULL,
  family_relations TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NULL,
  policy_version TEXT NOT NULL,
  service_points TEXT NOT NULL,
  requires_online_verification INTEGER NOT NULL,
  allows_offline_redemption INTEGER NOT NULL,
  static_code_accepted INTEGER NOT NULL,
  value_fen INTEGER NOT NULL,
  quotas TEXT NOT NULL,
  pools TEXT NOT NULL,
  reversal_window_minutes INTEGER NOT NULL,
  status TEXT NOT NULL,
  is_demo INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NULL,
  CONSTRAINT pk_rights_rights PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_rights_rights_code ON rights_rights (code);
CREATE INDEX ix_rights_rights_provider ON rights_rights (provider_organisation_id, status);

CREATE TABLE rights_right_revisions (
  right_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  definition TEXT NOT NULL,
  changed_fields TEXT NOT NULL,
  note TEXT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT NULL,
  CONSTRAINT pk_rights_right_revisions PRIMARY KEY (right_id, revision)
);

CREATE TABLE rights_catalogue_state (
  id INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CONSTRAINT pk_rights_catalogue_state PRIMARY KEY (id)
);
INSERT INTO rights_catalogue_state (id, revision, updated_at) VALUES (1, 0, 0);

CREATE TABLE rights_family_members (
  id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  name_protected TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  id_number_protected TEXT NOT NULL,
  id_number_index TEXT NOT NULL,
  masked_id_number TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  removed_at INTEGER NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_rights_family_members PRIMARY KEY (id)
);
CREATE INDEX ix_rights_family_members_talent ON rights_family_members (talent_id);
CREATE UNIQUE INDEX ux_rights_family_members_person ON rights_family_members (talent_id, id_number_index) WHERE removed_at IS NULL;

CREATE TABLE rights_financing_applications (
  id TEXT NOT NULL,
  reference TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  talent_masked_name TEXT NOT NULL,
  talent_level TEXT NOT NULL,
  right_id TEXT NOT NULL,
  bank_organisation_id TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  term_months INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  answered_at INTEGER NULL,
  answered_by TEXT NULL,
  approved_amount_fen INTEGER NULL,
  bank_note TEXT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_rights_financing_applications PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_rights_financing_reference ON rights_financing_applications (reference);
CREATE INDEX ix_rights_financing_talent ON rights_financing_applications (talent_id, submitted_at);
CREATE INDEX ix_rights_financing_bank ON rights_financing_applications (bank_organisation_id, status, submitted_at);
