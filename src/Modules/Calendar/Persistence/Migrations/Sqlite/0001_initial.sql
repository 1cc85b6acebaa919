-- Calendar module: the official schedule of public holidays and make-up working days (调休), per year (SQLite).
-- Dates as TEXT (yyyy-MM-dd), instants as TEXT (EF's DateTimeOffset format, always UTC).

CREATE TABLE calendar_years (
  year INTEGER NOT NULL CONSTRAINT pk_calendar_years PRIMARY KEY,
  loaded_at TEXT NOT NULL,
  source TEXT NOT NULL,
  checksum TEXT NOT NULL,
  revision INTEGER NOT NULL,
  loaded_by TEXT NOT NULL
);

CREATE TABLE calendar_days (
  date TEXT NOT NULL CONSTRAINT pk_calendar_days PRIMARY KEY,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL
);

CREATE INDEX ix_calendar_days_year ON calendar_days (year);
