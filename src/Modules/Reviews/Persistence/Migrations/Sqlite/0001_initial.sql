-- Reviews module: review campaigns (scope, due date, launch progress) and one review per talent and campaign.
-- SQLite: Guid and dates as TEXT, instants as UTC ticks (INTEGER), booleans as INTEGER.

CREATE TABLE reviews_campaigns (
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  levels TEXT NOT NULL,
  categories TEXT NOT NULL,
  targeted INTEGER NOT NULL,
  automatic_reverification INTEGER NOT NULL,
  response_working_days INTEGER NULL,
  launched_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  launch_cursor TEXT NULL,
  in_scope INTEGER NOT NULL,
  created INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  launched_by TEXT NULL,
  launched_at INTEGER NOT NULL,
  populated_at INTEGER NULL,
  lease_until INTEGER NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_reviews_campaigns PRIMARY KEY (id)
);

CREATE TABLE reviews_reviews (
  id TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  talent_account_id TEXT NULL,
  masked_name TEXT NOT NULL,
  level TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  due_on TEXT NOT NULL,
  reverification TEXT NOT NULL,
  reverification_answer_id TEXT NULL,
  reverified_at INTEGER NULL,
  completed_at INTEGER NULL,
  completed_by TEXT NULL,
  talent_note TEXT NULL,
  clerk_note TEXT NULL,
  notified_at INTEGER NULL,
  reminded_at INTEGER NULL,
  overdue_notified_at INTEGER NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  CONSTRAINT pk_reviews_reviews PRIMARY KEY (id)
);

CREATE INDEX ix_reviews_campaigns_launched_at ON reviews_campaigns (launched_at);
CREATE INDEX ix_reviews_campaigns_status ON reviews_campaigns (status);
CREATE UNIQUE INDEX ux_reviews_reviews_campaign_talent ON reviews_reviews (campaign_id, talent_id);
CREATE UNIQUE INDEX ux_reviews_reviews_open_talent ON reviews_reviews (talent_id) WHERE status IN ('pending', 'failed');
CREATE INDEX ix_reviews_reviews_talent ON reviews_reviews (talent_id, created_at);
CREATE INDEX ix_reviews_reviews_status_due ON reviews_reviews (status, due_on);
CREATE INDEX ix_reviews_reviews_campaign_status ON reviews_reviews (campaign_id, status, due_on);
CREATE INDEX ix_reviews_reviews_queued ON reviews_reviews (reverification) WHERE reverification = 'queued';
