-- Calendar module: the official schedule of public holidays and make-up working days (调休), per year (PostgreSQL).

CREATE TABLE calendar_years (
  year integer NOT NULL CONSTRAINT pk_calendar_years PRIMARY KEY,
  loaded_at timestamptz NOT NULL,
  source text NOT NULL,
  checksum text NOT NULL,
  revision integer NOT NULL,
  loaded_by text NOT NULL
);

CREATE TABLE calendar_days (
  date date NOT NULL CONSTRAINT pk_calendar_days PRIMARY KEY,
  year integer NOT NULL,
  kind text NOT NULL,
  name text NOT NULL
);

CREATE INDEX ix_calendar_days_year ON calendar_days (year);
