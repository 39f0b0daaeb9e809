-- 意见有回音 (issue 20): who asked to hear back, what happened that they should hear of, and
-- each message's delivery.

-- One row per address and what it follows: a comment (its commenter, opted in at submission),
-- a consultation, a policy, or the whole site (webhooks only). Addresses are kept apart from
-- comments and encrypted (AES-256-GCM, `v1.<key id>.<iv>.<tag>.<ciphertext>`); `address_hash`
-- (an HMAC) finds a repeated follow without decrypting, `address_mask` (z***@example.cn) is what
-- a receipt lookup and the logs show. Nothing but a confirmation goes to a pending address.
CREATE TABLE notify_subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('comment', 'consultation', 'policy', 'site')),
  comment_id bigint,
  consultation_id text,
  policy_id text,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
  address_enc text,
  address_hash text,
  address_mask text,
  locale text NOT NULL DEFAULT 'zh-Hans' CHECK (locale IN ('zh-Hans', 'zh-Hant', 'en')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'unsubscribed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  -- The address is deleted at this time (the expiry job): 30 days after the last message it can
  -- still receive; pending ones sooner.
  expires_at timestamptz,
  CHECK (kind <> 'comment' OR (comment_id IS NOT NULL AND consultation_id IS NOT NULL)),
  CHECK (kind <> 'consultation' OR consultation_id IS NOT NULL),
  CHECK (kind <> 'policy' OR policy_id IS NOT NULL)
);
CREATE UNIQUE INDEX notify_subscriptions_comment ON notify_subscriptions (comment_id) WHERE kind = 'comment';
-- One live follow per address and target.
CREATE UNIQUE INDEX notify_subscriptions_follow ON notify_subscriptions
  (kind, coalesce(consultation_id, ''), coalesce(policy_id, ''), channel, address_hash)
  WHERE kind <> 'comment' AND state <> 'unsubscribed';
-- Fan-out walks the confirmed subscribers of a target in id order, a batch at a time.
CREATE INDEX notify_subscriptions_consultation ON notify_subscriptions (consultation_id, id) WHERE state = 'confirmed';
CREATE INDEX notify_subscriptions_policy ON notify_subscriptions (policy_id, id) WHERE state = 'confirmed';
CREATE INDEX notify_subscriptions_expiry ON notify_subscriptions (expires_at) WHERE expires_at IS NOT NULL;

-- The outbox: written in the transaction of the change that causes the event (publication, a
-- window changed, a consultation created, a policy version). `at` is when it takes effect (a
-- consultation opening later, a reminder before closing); its fan-out job runs then and writes
-- one delivery per subscriber, a batch at a time (`cursor`: the pass and the last subscription).
CREATE TABLE notify_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  consultation_id text,
  policy_id text,
  at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  cursor jsonb,
  fanned_out_at timestamptz,
  -- Reminders replaced when the window changes, openings moved: withdrawn, never sent.
  withdrawn boolean NOT NULL DEFAULT false
);
CREATE INDEX notify_events_at ON notify_events (at DESC, id DESC);
CREATE INDEX notify_events_consultation ON notify_events (consultation_id, kind) WHERE fanned_out_at IS NULL;

-- One message to one subscription: its Message-ID is fixed when the row is written, so a crash
-- between sending and recording sends the same message again (mail clients collapse it), never
-- a different one. Taken by one worker at a time (FOR UPDATE SKIP LOCKED, with a lease).
CREATE TABLE notify_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('confirm', 'event')),
  event_id bigint REFERENCES notify_events (id),
  subscription_id bigint NOT NULL,
  consultation_id text,
  channel text NOT NULL,
  message_id text NOT NULL,
  -- What this subscriber alone is told (a commenter's decision and reason, their receipt).
  payload jsonb,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'dropped')),
  attempts integer NOT NULL DEFAULT 0,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, event_id)
);
CREATE UNIQUE INDEX notify_deliveries_confirm ON notify_deliveries (subscription_id) WHERE kind = 'confirm';
CREATE INDEX notify_deliveries_due ON notify_deliveries (run_at, id) WHERE state IN ('queued', 'sending');
CREATE INDEX notify_deliveries_consultation ON notify_deliveries (consultation_id, state);

