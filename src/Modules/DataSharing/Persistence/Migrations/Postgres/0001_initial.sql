-- DataSharing module: kept answers of the city's data-sharing sources (PostgreSQL).

CREATE TABLE datasharing_answers (
  id uuid NOT NULL CONSTRAINT pk_datasharing_answers PRIMARY KEY,
  source text NOT NULL,
  talent_id uuid NOT NULL,
  purpose text NOT NULL,
  requested_by uuid NULL,
  request_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  outcome text NOT NULL,
  http_status integer NULL,
  answer_sha256 text NOT NULL,
  answer_bytes integer NOT NULL,
  fields_cipher text NULL,
  problem text NULL
);

CREATE INDEX ix_datasharing_answers_talent ON datasharing_answers (talent_id, requested_at);
CREATE INDEX ix_datasharing_answers_requested_at ON datasharing_answers (requested_at);
