-- A test-only migration (module "probe") for the migration runner and schema comparer tests.
CREATE TABLE probe_items (
  id uuid NOT NULL PRIMARY KEY,
  code varchar(32) NOT NULL,
  title text NULL,
  quantity int4 NOT NULL,
  created_at timestamptz NOT NULL,
  version integer NOT NULL
);
CREATE UNIQUE INDEX ux_probe_items_code ON probe_items (code);
CREATE INDEX ix_probe_items_created_at ON probe_items (created_at);

CREATE TABLE probe_tags (
  item_id uuid NOT NULL,
  tag text NOT NULL,
  label text NOT NULL UNIQUE,
  PRIMARY KEY (item_id, tag)
);
