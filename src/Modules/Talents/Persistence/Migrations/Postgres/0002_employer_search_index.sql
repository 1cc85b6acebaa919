-- The employer-name index also covers level, status and name, so a search filtered by an employer prefix can
-- count its matches (capped) from the index alone.
DROP INDEX ix_talents_talents_employer_name;
CREATE INDEX ix_talents_talents_employer_name ON talents_talents (employer_name, level, status, name, id);
