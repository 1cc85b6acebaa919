-- Notifications module: in-app inbox and SMS outbox; ids are version-7 UUIDs (time-ordered), lists order by id (PostgreSQL).
-- The outbox's next attempt is bigint Unix milliseconds (plain integer comparisons on both providers).

CREATE TABLE notifications_inbox (
  id uuid NOT NULL CONSTRAINT pk_notifications_inbox PRIMARY KEY,
  recipient_account_id uuid NOT NULL,
  topic text NOT NULL,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  body_zh text NOT NULL,
  body_en text NOT NULL,
  link text NULL,
  dedup_key text NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz NULL
);

CREATE UNIQUE INDEX ux_notifications_inbox_dedup ON notifications_inbox (recipient_account_id, dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX ix_notifications_inbox_recipient ON notifications_inbox (recipient_account_id, id);
CREATE INDEX ix_notifications_inbox_unread ON notifications_inbox (recipient_account_id) WHERE read_at IS NULL;

-- No phone number here: it is looked up from the talent registry when the message is sent.
CREATE TABLE notifications_sms_outbox (
  id uuid NOT NULL CONSTRAINT pk_notifications_sms_outbox PRIMARY KEY,
  notification_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  template text NOT NULL,
  params text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at_ms bigint NOT NULL,
  last_error text NULL,
  gateway_message_id text NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz NULL
);

CREATE UNIQUE INDEX ux_notifications_sms_outbox_notification ON notifications_sms_outbox (notification_id);
CREATE INDEX ix_notifications_sms_outbox_due ON notifications_sms_outbox (status, next_attempt_at_ms);
CREATE INDEX ix_notifications_sms_outbox_status ON notifications_sms_outbox (status, id);
CREATE INDEX ix_notifications_sms_outbox_talent ON notifications_sms_outbox (talent_id, id);
