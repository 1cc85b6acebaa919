-- How far the status lists have followed the registry's durable change feed (talents ITalentEventFeed).
CREATE TABLE codes_feed_cursor (
  id integer NOT NULL CONSTRAINT pk_codes_feed_cursor PRIMARY KEY,
  sequence bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

INSERT INTO codes_feed_cursor (id, sequence, updated_at) VALUES (1, 0, '2026-01-01T00:00:00Z');
