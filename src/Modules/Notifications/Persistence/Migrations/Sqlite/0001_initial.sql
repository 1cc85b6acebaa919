-- Notifications module: in-app inbox and SMS outbox; ids are version-7 UUIDs (time-ordered), lists order by id (SQLite).
-- Guid as TEXT, instants as TEXT (EF's DateTimeOffset format, always UTC); the outbox's next attempt as INTEGER
-- Unix milliseconds so that "due" comparisons are plain integer comparisons on both providers.

CREATE TABLE notifications_inbox (
  id TEXT NOT NULL CONSTRAINT pk_notifications_inbox PRIMARY KEY,
  recipient_account_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_zh TEXT NOT NULL,
  body_en TEXT NOT NULL,
  link TEXT NULL,
  dedup_key TEXT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT NULL
);

CREATE UNIQUE INDEX ux_notifications_inbox_dedup ON notifications_inbox (recipient_account_id, dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX ix_notifications_inbox_recipient ON notifications_inbox (recipient_account_id, id);
CREATE INDEX ix_notifications_inbox_unread ON notifications_inbox (recipient_account_id) WHERE read_at IS NULL;

-- No phone number here: it is looked up from the talent registry when the message is sent.
CREATE TABLE notifications_sms_outbox (
  id TEXT NOT NULL CONSTRAINT pk_notifications_sms_outbox PRIMARY KEY,
  notification_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  template TEXT NOT NULL,
  params TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at_ms INTEGER NOT NULL,
  last_error TEXT NULL,
  gateway_message_id TEXT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT NULL
);

CREATE UNIQUE INDEX ux_notifications_sms_outbox_notification ON notifications_sms_outbox (notification_id);
CREATE INDEX ix_notifications_sms_outbox_due ON notifications_sms_outbox (status, next_attempt_at_ms);
CREATE INDEX ix_notifications_sms_outbox_status ON notifications_sms_outbox (status, id);
CREATE INDEX ix_notifications_sms_outbox_talent ON notifications_sms_outbox (talent_id, id);
