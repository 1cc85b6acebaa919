-- Rights module: the catalogue (current rights + every revision + one catalogue revision row), family members
-- (encrypted) and financing applications. PostgreSQL: uuid, date, timestamptz, boolean;
-- list-valued definition fields as JSON text.

CREATE TABLE rights_rights (
  id uuid NOT NULL,
  code text NOT NULL,
  kind text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  description_zh text NOT NULL,
  description_en text NOT NULL,
  provider_organisation_id uuid NOT NULL,
  levels text NOT NULL,
  categories text NOT NULL,
  family_relations text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NULL,
  policy_version text NOT NULL,
  service_points text NOT NULL,
  requires_online_verification boolean NOT NULL,
  allows_offline_redemption boolean NOT NULL,
  static_code_accepted boolean NOT NULL,
  value_fen bigint NOT NULL,
  quotas text NOT NULL,
  pools text NOT NULL,
  reversal_window_minutes integer NOT NULL,
  status text NOT NULL,
  is_demo boolean NOT NULL,
  revision bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NULL,
  CONSTRAINT pk_rights_rights PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_rights_rights_code ON rights_rights (code);
CREATE INDEX ix_rights_rights_provider ON rights_rights (provider_organisation_id, status);

CREATE TABLE rights_right_revisions (
  right_id uuid NOT NULL,
  revision bigint NOT NULL,
  action text NOT NULL,
  definition text NOT NULL,
  changed_fields text NOT NULL,
  note text NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid NULL,
  CONSTRAINT pk_rights_right_revisions PRIMARY KEY (right_id, revision)
);

CREATE TABLE rights_catalogue_state (
  id integer NOT NULL,
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT pk_rights_catalogue_state PRIMARY KEY (id)
);
INSERT INTO rights_catalogue_state (id, revision, updated_at) VALUES (1, 0, '1970-01-01T00:00:00Z');

CREATE TABLE rights_family_members (
  id uuid NOT NULL,
  talent_id uuid NOT NULL,
  relation text NOT NULL,
  name_protected text NOT NULL,
  masked_name text NOT NULL,
  id_number_protected text NOT NULL,
  id_number_index text NOT NULL,
  masked_id_number text NOT NULL,
  created_at timestamptz NOT NULL,
  removed_at timestamptz NULL,
  version integer NOT NULL,
  CONSTRAINT pk_rights_family_members PRIMARY KEY (id)
);
CREATE INDEX ix_rights_family_members_talent ON rights_family_members (talent_id);
CREATE UNIQUE INDEX ux_rights_family_members_person ON rights_family_members (talent_id, id_number_index) WHERE removed_at IS NULL;

CREATE TABLE rights_financing_applications (
  id uuid NOT NULL,
  reference text NOT NULL,
  talent_id uuid NOT NULL,
  talent_masked_name text NOT NULL,
  talent_level text NOT NULL,
  right_id uuid NOT NULL,
  bank_organisation_id uuid NOT NULL,
  amount_fen bigint NOT NULL,
  term_months integer NOT NULL,
  purpose text NOT NULL,
  status text NOT NULL,
  submitted_at timestamptz NOT NULL,
  answered_at timestamptz NULL,
  answered_by uuid NULL,
  approved_amount_fen bigint NULL,
  bank_note text NULL,
  version integer NOT NULL,
  CONSTRAINT pk_rights_financing_applications PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_rights_financing_reference ON rights_financing_applications (reference);
CREATE INDEX ix_rights_financing_talent ON rights_financing_applications (talent_id, submitted_at);
CREATE INDEX ix_rights_financing_bank ON rights_financing_applications (bank_organisation_id, status, submitted_at);
