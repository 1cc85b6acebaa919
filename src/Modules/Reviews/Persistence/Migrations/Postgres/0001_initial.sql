-- Reviews module: review campaigns (scope, due date, launch progress) and one review per talent and campaign.
-- PostgreSQL.

CREATE TABLE reviews_campaigns (
  id uuid NOT NULL,
  name text NOT NULL,
  levels text NOT NULL,
  categories text NOT NULL,
  targeted boolean NOT NULL,
  automatic_reverification boolean NOT NULL,
  response_working_days integer NULL,
  launched_on date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL,
  launch_cursor uuid NULL,
  in_scope integer NOT NULL,
  created integer NOT NULL,
  skipped integer NOT NULL,
  launched_by uuid NULL,
  launched_at timestamptz NOT NULL,
  populated_at timestamptz NULL,
  lease_until timestamptz NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL,
  CONSTRAINT pk_reviews_campaigns PRIMARY KEY (id)
);

CREATE TABLE reviews_reviews (
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  talent_id uuid NOT NULL,
  talent_account_id uuid NULL,
  masked_name text NOT NULL,
  level text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  due_on date NOT NULL,
  reverification text NOT NULL,
  reverification_answer_id uuid NULL,
  reverified_at timestamptz NULL,
  completed_at timestamptz NULL,
  completed_by uuid NULL,
  talent_note text NULL,
  clerk_note text NULL,
  notified_at timestamptz NULL,
  reminded_at timestamptz NULL,
  overdue_notified_at timestamptz NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL,
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
