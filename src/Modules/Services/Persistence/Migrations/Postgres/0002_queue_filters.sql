-- Queue filters with 1,000,000 applications: a matter within a department's status range in due order, and a
-- reference prefix search by range (code-point order, like talents.name) within a department's status range.
ALTER TABLE services_steps ALTER COLUMN reference TYPE text COLLATE "C";
CREATE INDEX ix_services_steps_queue_matter ON services_steps (department_id, status, matter_code, due_on, id);
DROP INDEX ix_services_steps_reference;
CREATE INDEX ix_services_steps_reference ON services_steps (department_id, status, reference);
