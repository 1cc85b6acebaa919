-- Queue filters: a matter within a department's status range in due order; a reference prefix within a status range.
CREATE INDEX ix_services_steps_queue_matter ON services_steps (department_id, status, matter_code, due_on, id);
DROP INDEX ix_services_steps_reference;
CREATE INDEX ix_services_steps_reference ON services_steps (department_id, status, reference);
