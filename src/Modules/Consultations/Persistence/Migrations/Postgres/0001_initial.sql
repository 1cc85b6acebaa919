-- Consultations module: questions routed to providers, answers, FAQ entries (PostgreSQL). Instants as timestamptz (UTC).

CREATE TABLE consultations_questions (
  id uuid NOT NULL CONSTRAINT pk_consultations_questions PRIMARY KEY,
  talent_id uuid NOT NULL,
  asker_account_id uuid NOT NULL,
  right_id uuid NULL,
  topic text NOT NULL,
  question text NOT NULL,
  provider_organisation_id uuid NOT NULL,
  status text NOT NULL,
  asked_at timestamptz NOT NULL,
  asked_on date NOT NULL,
  due_on date NULL,
  answered_at timestamptz NULL,
  answered_on date NULL,
  answered_by uuid NULL,
  answer text NULL,
  faq_published boolean NOT NULL,
  faq_question text NULL,
  faq_answer text NULL,
  faq_published_at timestamptz NULL,
  faq_published_by uuid NULL,
  version integer NOT NULL
);

CREATE INDEX ix_consultations_questions_provider ON consultations_questions (provider_organisation_id, status, due_on);
CREATE INDEX ix_consultations_questions_talent ON consultations_questions (talent_id, asked_at);
CREATE INDEX ix_consultations_questions_status ON consultations_questions (status, due_on);
CREATE INDEX ix_consultations_questions_faq ON consultations_questions (faq_published, right_id);
