-- Talents module: registry, provenance, level history, change requests, enterprises (PostgreSQL).
-- name and employer_name use COLLATE "C" (code-point order) so that prefix search by range and ORDER BY name
-- share one b-tree index.

CREATE TABLE talents_talents (
  id uuid NOT NULL CONSTRAINT pk_talents_talents PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  gender text NOT NULL,
  birth_date date NOT NULL,
  id_number_cipher text NOT NULL,
  id_number_hash text NOT NULL,
  id_suffix text NOT NULL,
  id_masked text NOT NULL,
  phone_cipher text NULL,
  phone_hash text NULL,
  phone_masked text NULL,
  address_cipher text NULL,
  education_degree text NULL,
  education_school text NULL,
  education_major text NULL,
  education_graduation_year integer NULL,
  academic_titles text NULL,
  academic_fields text NULL,
  research_projects text NULL,
  research_papers text NULL,
  research_patents text NULL,
  honours text NULL,
  employer_organisation_id uuid NULL,
  employer_name text COLLATE "C" NULL,
  account_id uuid NULL,
  level text NOT NULL,
  level_effective_on date NOT NULL,
  category text NOT NULL,
  category_effective_on date NOT NULL,
  status text NOT NULL,
  status_changed_at timestamptz NOT NULL,
  status_reason text NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
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
  talent_id uuid NOT NULL,
  field text NOT NULL,
  state text NOT NULL,
  verified_by uuid NULL,
  source text NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT pk_talents_field_provenance PRIMARY KEY (talent_id, field),
  CONSTRAINT fk_talents_field_provenance_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE TABLE talents_level_history (
  id uuid NOT NULL CONSTRAINT pk_talents_level_history PRIMARY KEY,
  talent_id uuid NOT NULL,
  from_level text NULL,
  to_level text NOT NULL,
  from_category text NULL,
  to_category text NOT NULL,
  effective_on date NOT NULL,
  reason text NOT NULL,
  decided_by uuid NULL,
  decided_at timestamptz NOT NULL,
  CONSTRAINT fk_talents_level_history_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_level_history_talent ON talents_level_history (talent_id, id);

CREATE TABLE talents_change_requests (
  id uuid NOT NULL CONSTRAINT pk_talents_change_requests PRIMARY KEY,
  talent_id uuid NOT NULL,
  field text NOT NULL,
  proposed_value text NULL,
  status text NOT NULL,
  requested_by uuid NULL,
  requested_at timestamptz NOT NULL,
  reviewer_id uuid NULL,
  review_reason text NULL,
  reviewed_at timestamptz NULL,
  CONSTRAINT fk_talents_change_requests_talent FOREIGN KEY (talent_id) REFERENCES talents_talents (id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_change_requests_status ON talents_change_requests (status, id);
CREATE INDEX ix_talents_change_requests_talent ON talents_change_requests (talent_id, id);
CREATE UNIQUE INDEX ux_talents_change_requests_pending_field ON talents_change_requests (talent_id, field) WHERE status = 'pending';

CREATE TABLE talents_enterprises (
  organisation_id uuid NOT NULL CONSTRAINT pk_talents_enterprises PRIMARY KEY,
  credit_code text NOT NULL,
  legal_representative text NOT NULL,
  founded_on date NULL,
  industry text NULL,
  founder_talent_id uuid NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
);

CREATE UNIQUE INDEX ux_talents_enterprises_credit_code ON talents_enterprises (credit_code);

CREATE TABLE talents_enterprise_projects (
  id uuid NOT NULL CONSTRAINT pk_talents_enterprise_projects PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  name text NOT NULL,
  description text NULL,
  funding_fen bigint NOT NULL,
  starts_on date NULL,
  ends_on date NULL,
  CONSTRAINT fk_talents_enterprise_projects_enterprise FOREIGN KEY (enterprise_id) REFERENCES talents_enterprises (organisation_id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_enterprise_projects_enterprise ON talents_enterprise_projects (enterprise_id);

CREATE TABLE talents_enterprise_cooperations (
  id uuid NOT NULL CONSTRAINT pk_talents_enterprise_cooperations PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  partner_name text NOT NULL,
  description text NULL,
  since date NULL,
  CONSTRAINT fk_talents_enterprise_cooperations_enterprise FOREIGN KEY (enterprise_id) REFERENCES talents_enterprises (organisation_id) ON DELETE CASCADE
);

CREATE INDEX ix_talents_enterprise_cooperations_enterprise ON talents_enterprise_cooperations (enterprise_id);
