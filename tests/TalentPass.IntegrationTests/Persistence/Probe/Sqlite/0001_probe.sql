-- A test-only migration (module "probe") for the migration runner and schema comparer tests.
CREATE TABLE probe_items (
  id TEXT NOT NULL PRIMARY KEY,
  code TEXT NOT NULL,
  title TEXT NULL,
  quantity INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_probe_items_code ON probe_items (code);
CREATE INDEX ix_probe_items_created_at ON probe_items (created_at);

CREATE TABLE probe_tags (
  item_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  label TEXT NOT NULL UNIQUE,
  PRIMARY KEY (item_id, tag)
);
