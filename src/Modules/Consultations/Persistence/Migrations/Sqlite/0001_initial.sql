-- Consultations module: questions routed to providers, answers, FAQ entries (SQLite).
-- Guid and dates as TEXT, instants as INTEGER UTC ticks, booleans as INTEGER 0/1.

CREATE TABLE consultations_questions (
  id TEXT NOT NULL CONSTRAINT pk_consultations_questions PRIMARY KEY,
  talent_id TEXT NOT NULL,
  asker_account_id TEXT NOT NULL,
  right_id TEXT NULL,
  topic TEXT NOT NULL,
  question TEXT NOT NULL,
  provider_organisation_id TEXT NOT NULL,
  status TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  asked_on TEXT NOT NULL,
  due_on TEXT NULL,
  answered_at INTEGER NULL,
  answered_on TEXT NULL,
  answered_by TEXT NULL,
  answer TEXT NULL,
  faq_published INTEGER NOT NULL,
  faq_question TEXT NULL,
  faq_answer TEXT NULL,
  faq_published_at INTEGER NULL,
  faq_published_by TEXT NULL,
  version INTEGER NOT NULL
);

CREATE INDEX ix_consultations_questions_provider ON consultations_questions (provider_organisation_id, status, due_on);
CREATE INDEX ix_consultations_questions_talent ON consultations_questions (talent_id, asked_at);
CREATE INDEX ix_consultations_questions_status ON consultations_questions (status, due_on);
CREATE INDEX ix_consultations_questions_faq ON consultations_questions (faq_published, right_id);
