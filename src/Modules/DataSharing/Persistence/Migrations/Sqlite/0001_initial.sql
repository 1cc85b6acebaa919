-- DataSharing module: kept answers of the city's data-sharing sources (SQLite).
-- Guid as TEXT, instants as INTEGER UTC ticks.

CREATE TABLE datasharing_answers (
  id TEXT NOT NULL CONSTRAINT pk_datasharing_answers PRIMARY KEY,
  source TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  requested_by TEXT NULL,
  request_id TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  http_status INTEGER NULL,
  answer_sha256 TEXT NOT NULL,
  answer_bytes INTEGER NOT NULL,
  fields_cipher TEXT NULL,
  problem TEXT NULL
);

CREATE INDEX ix_datasharing_answers_talent ON datasharing_answers (talent_id, requested_at);
CREATE INDEX ix_datasharing_answers_requested_at ON datasharing_answers (requested_at);
