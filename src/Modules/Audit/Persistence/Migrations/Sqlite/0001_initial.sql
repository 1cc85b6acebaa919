-- Audit log: append-only. occurred_at holds UTC ticks (100 ns since 0001-01-01) so it orders and compares exactly.
CREATE TABLE audit_events (
    id TEXT NOT NULL PRIMARY KEY,
    occurred_at INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor_account_id TEXT NULL,
    actor_name TEXT NOT NULL,
    actor_roles TEXT NOT NULL,
    organisation_id TEXT NULL,
    subject_type TEXT NULL,
    subject_id TEXT NULL,
    detail TEXT NULL,
    succeeded INTEGER NOT NULL,
    client_ip TEXT NULL
);
CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_action ON audit_events (action, occurred_at);
CREATE INDEX ix_audit_events_actor_account ON audit_events (actor_account_id, occurred_at);
CREATE INDEX ix_audit_events_actor_name ON audit_events (actor_name, occurred_at);
CREATE INDEX ix_audit_events_subject ON audit_events (subject_type, subject_id, occurred_at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
