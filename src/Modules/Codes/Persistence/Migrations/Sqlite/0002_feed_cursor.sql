-- How far the status lists have followed the registry's durable change feed (talents ITalentEventFeed).
-- updated_at: UTC ticks, as every instant in this module on SQLite.
CREATE TABLE codes_feed_cursor (
  id INTEGER NOT NULL CONSTRAINT pk_codes_feed_cursor PRIMARY KEY,
  sequence INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

INSERT INTO codes_feed_cursor (id, sequence, updated_at) VALUES (1, 0, 639028224000000000);
