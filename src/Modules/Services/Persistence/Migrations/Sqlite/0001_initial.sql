-- Services module: catalogue (themes, categories, matters and their versioned definitions), applications,
-- items (one matter each), department steps (the queues), history and the durable decision list.
-- SQLite: Guid and dates as TEXT, instants as UTC ticks (INTEGER), booleans as INTEGER.

CREATE TABLE services_themes (
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  CONSTRAINT pk_services_themes PRIMARY KEY (code)
);

CREATE TABLE services_categories (
  code TEXT NOT NULL,
  theme_code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  CONSTRAINT pk_services_categories PRIMARY KEY (code)
);

CREATE TABLE services_matters (
  code TEXT NOT NULL,
  category_code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_zh TEXT NOT NULL,
  description_en TEXT NOT NULL,
  first_batch INTEGER NOT NULL,
  is_demo INTEGER NOT NULL,
  is_online INTEGER NOT NULL,
  current_version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_services_matters PRIMARY KEY (code)
);

CREATE TABLE services_matter_versions (
  matter_code TEXT NOT NULL,
  number INTEGER NOT NULL,
  definition TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT NULL,
  note TEXT NULL,
  CONSTRAINT pk_services_matter_versions PRIMARY KEY (matter_code, number)
);

CREATE TABLE services_applications (
  id TEXT NOT NULL,
  reference TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  submitted_by TEXT NULL,
  window_organisation_id TEXT NULL,
  identity_checked_at INTEGER NULL,
  submitted_at INTEGER NOT NULL,
  accepted_on TEXT NOT NULL,
  CONSTRAINT pk_services_applications PRIMARY KEY (id)
);

CREATE TABLE services_items (
  id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  reference TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  talent_account_id TEXT NULL,
  talent_masked_name TEXT NOT NULL,
  matter_code TEXT NOT NULL,
  matter_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  accepted_on TEXT NOT NULL,
  due_on TEXT NULL,
  due_problem TEXT NULL,
  paused_since TEXT NULL,
  paused_working_days INTEGER NOT NULL,
  supplement_request TEXT NULL,
  outcome TEXT NULL,
  decided_at INTEGER NULL,
  decided_on TEXT NULL,
  auto_decided INTEGER NOT NULL,
  rule_version TEXT NULL,
  evidence TEXT NULL,
  explanation_zh TEXT NULL,
  explanation_en TEXT NULL,
  clerk_reason_zh TEXT NULL,
  clerk_reason_en TEXT NULL,
  prefill TEXT NULL,
  materials TEXT NULL,
  amount_fen INTEGER NULL,
  payments INTEGER NULL,
  delivery TEXT NOT NULL,
  tracking_number TEXT NULL,
  delivered_at INTEGER NULL,
  warned_at INTEGER NULL,
  escalated_at INTEGER NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_services_items PRIMARY KEY (id)
);

CREATE TABLE services_steps (
  id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  reference TEXT NOT NULL,
  matter_code TEXT NOT NULL,
  talent_masked_name TEXT NOT NULL,
  department_id TEXT NOT NULL,
  stage INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  requires_second INTEGER NOT NULL,
  status TEXT NOT NULL,
  due_on TEXT NULL,
  paused INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  first_by TEXT NULL,
  first_at INTEGER NULL,
  second_by TEXT NULL,
  second_at INTEGER NULL,
  reason TEXT NULL,
  decided_on TEXT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_services_steps PRIMARY KEY (id)
);

CREATE TABLE services_history (
  id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  item_id TEXT NULL,
  at INTEGER NOT NULL,
  actor_account_id TEXT NULL,
  actor_kind TEXT NOT NULL,
  action TEXT NOT NULL,
  text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL,
  CONSTRAINT pk_services_history PRIMARY KEY (id)
);

CREATE TABLE services_decisions (
  sequence INTEGER NOT NULL CONSTRAINT pk_services_decisions PRIMARY KEY AUTOINCREMENT,
  item_id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  matter_code TEXT NOT NULL,
  matter_version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  amount_fen INTEGER NULL,
  payments INTEGER NULL,
  decided_on TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  dispatched_at INTEGER NULL
);

CREATE INDEX ix_services_categories_theme ON services_categories (theme_code, position);
CREATE INDEX ix_services_matters_category ON services_matters (category_code, position);
CREATE UNIQUE INDEX ux_services_applications_reference ON services_applications (reference);
CREATE INDEX ix_services_applications_talent ON services_applications (talent_id, submitted_at);
CREATE INDEX ix_services_items_application ON services_items (application_id);
CREATE INDEX ix_services_items_talent_matter ON services_items (talent_id, matter_code, status);
CREATE UNIQUE INDEX ux_services_items_open ON services_items (talent_id, matter_code) WHERE status IN ('in_review', 'supplement');
CREATE INDEX ix_services_items_status_due ON services_items (status, due_on);
CREATE INDEX ix_services_items_matter_decided ON services_items (matter_code, decided_on);
CREATE INDEX ix_services_steps_queue ON services_steps (department_id, status, due_on, id);
CREATE INDEX ix_services_steps_item ON services_steps (item_id);
CREATE INDEX ix_services_steps_reference ON services_steps (department_id, reference);
CREATE INDEX ix_services_history_application ON services_history (application_id, at);
CREATE UNIQUE INDEX ux_services_decisions_item ON services_decisions (item_id);
CREATE INDEX ix_services_decisions_undispatched ON services_decisions (dispatched_at) WHERE dispatched_at IS NULL;
