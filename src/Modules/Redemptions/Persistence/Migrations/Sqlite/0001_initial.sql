-- Redemptions module (SQLite): redemptions, quota counters, the redemption feed. Instants as INTEGER (UTC).

-- One row per redemption (online, offline-synchronised, or an offline conflict). The idempotency key is unique per
-- organisation (the service point or partner that redeemed): the redemption row IS the idempotency record.
CREATE TABLE redemptions_redemptions (
  id TEXT NOT NULL CONSTRAINT pk_redemptions_redemptions PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  account_id TEXT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  right_id TEXT NOT NULL,
  right_code TEXT NOT NULL,
  right_kind TEXT NOT NULL,
  right_name_zh TEXT NOT NULL,
  right_name_en TEXT NOT NULL,
  right_revision INTEGER NOT NULL,
  provider_organisation_id TEXT NOT NULL,
  talent_id TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  level TEXT NOT NULL,
  category TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  family_member_id TEXT NULL,
  pool_code TEXT NULL,
  value_fen INTEGER NOT NULL,
  source TEXT NOT NULL,
  offline INTEGER NOT NULL,
  device_id TEXT NULL,
  local_id TEXT NULL,
  status TEXT NOT NULL,
  conflict_code TEXT NULL,
  over_quota INTEGER NOT NULL,
  counters TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  reversible_until INTEGER NOT NULL,
  reversed_at INTEGER NULL,
  reversed_by TEXT NULL,
  reversal_reason TEXT NULL
);

CREATE UNIQUE INDEX ux_redemptions_redemptions_key ON redemptions_redemptions (organisation_id, idempotency_key);
CREATE INDEX ix_redemptions_redemptions_talent ON redemptions_redemptions (talent_id, recorded_at);
CREATE INDEX ix_redemptions_redemptions_organisation ON redemptions_redemptions (organisation_id, recorded_at);
CREATE INDEX ix_redemptions_redemptions_provider ON redemptions_redemptions (provider_organisation_id, recorded_at);
CREATE INDEX ix_redemptions_redemptions_status ON redemptions_redemptions (status, recorded_at);

-- Quota counters: one row per (right, scope, scope key, period key), created on first use
-- (INSERT … ON CONFLICT) and incremented only while used < limit, in the redemption's transaction.
CREATE TABLE redemptions_counters (
  right_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  scope_key TEXT NOT NULL,
  period_key TEXT NOT NULL,
  used INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CONSTRAINT pk_redemptions_counters PRIMARY KEY (right_id, scope, scope_key, period_key)
);

-- The redemption feed (IRedemptionFeed): written in the redemption's transaction with "sequence" NULL; a reader
-- numbers committed rows under a transaction-scoped advisory lock before reading, so sequence order is the order
-- in which rows were numbered and a consumer's cursor never skips a row committed late — without a global lock on
-- the redemption path.
CREATE TABLE redemptions_feed (
  id INTEGER NOT NULL CONSTRAINT pk_redemptions_feed PRIMARY KEY AUTOINCREMENT,
  sequence INTEGER NULL,
  redemption_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  occurred_at INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_redemptions_feed_sequence ON redemptions_feed (sequence);
CREATE INDEX ix_redemptions_feed_unnumbered ON redemptions_feed (id) WHERE sequence IS NULL;
