-- Audit log: append-only (triggers refuse UPDATE and DELETE).
CREATE TABLE audit_events (
    id uuid NOT NULL PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    action text NOT NULL,
    actor_account_id uuid NULL,
    actor_name text NOT NULL,
    actor_roles text NOT NULL,
    organisation_id uuid NULL,
    subject_type text NULL,
    subject_id text NULL,
    detail text NULL,
    succeeded boolean NOT NULL,
    client_ip text NULL
);
CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_action ON audit_events (action, occurred_at);
CREATE INDEX ix_audit_events_actor_account ON audit_events (actor_account_id, occurred_at);
CREATE INDEX ix_audit_events_actor_name ON audit_events (actor_name, occurred_at);
CREATE INDEX ix_audit_events_subject ON audit_events (subject_type, subject_id, occurred_at);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
