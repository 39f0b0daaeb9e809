-- 意见有回音 (issue 20), the rest: message templates staff edit, an acknowledgement at submission,
-- and confirmations sent again.

-- A template staff wrote replaces the built-in one (src/notify/templates.ts) for its kind and
-- language; deleting the row brings the built-in one back. Every change is in the audit log.
CREATE TABLE notify_templates (
  kind text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('zh-Hans', 'zh-Hant', 'en')),
  subject text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  PRIMARY KEY (kind, locale)
);

-- A commenter may also ask for an acknowledgement with their receipt: sent once the address is
-- confirmed (never to a pending address), as a delivery of its own kind.
ALTER TABLE notify_subscriptions ADD COLUMN acknowledge boolean NOT NULL DEFAULT false;
ALTER TABLE notify_deliveries DROP CONSTRAINT notify_deliveries_kind_check;
ALTER TABLE notify_deliveries ADD CONSTRAINT notify_deliveries_kind_check CHECK (kind IN ('confirm', 'event', 'ack'));
CREATE UNIQUE INDEX notify_deliveries_ack ON notify_deliveries (subscription_id) WHERE kind = 'ack';
CREATE INDEX notify_deliveries_due_ack ON notify_deliveries (run_at, id) WHERE state IN ('queued', 'sending') AND kind = 'ack';

-- An address asked for again while pending: its confirmation goes again at most once a day,
-- found by the address's hash.
CREATE INDEX notify_subscriptions_pending_address ON notify_subscriptions (channel, address_hash) WHERE state = 'pending';
