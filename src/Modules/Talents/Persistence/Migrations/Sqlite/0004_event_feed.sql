-- The durable change feed (ITalentEventFeed): one row per level or status change, written in the same
-- transaction as the change. Consumers (cards, codes, …) keep their own cursor on "sequence".
CREATE TABLE talents_events (
  sequence INTEGER NOT NULL CONSTRAINT pk_talents_events PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  from_level TEXT NULL,
  from_status TEXT NULL,
  effective_on TEXT NULL,
  decision_reference TEXT NULL,
  decided_by TEXT NULL,
  occurred_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_talents_events_event_id ON talents_events (event_id);
CREATE INDEX ix_talents_events_talent ON talents_events (talent_id, sequence);
