-- Consultations on a draft, the comments they receive, staff decisions, published feedback.
CREATE TABLE consultations (
  id text PRIMARY KEY,
  title text NOT NULL,
  policy_id text REFERENCES policies (id),
  opens timestamptz NOT NULL,
  closes timestamptz NOT NULL,
  short_window_reason text,
  origins text[] NOT NULL DEFAULT '{}',
  contact text,
  drafting_notes text,
  basis jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  receipt text NOT NULL UNIQUE,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  clause text,
  body text NOT NULL,
  submitter_type text NOT NULL DEFAULT 'individual',
  name text,
  contact text,
  moderation text NOT NULL DEFAULT 'pending',
  decision text,
  reason text,
  published_decision text,
  published_reason text,
  published_moderation text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The idempotency key is scoped to the consultation; the unique index makes concurrent
  -- duplicates store one comment.
  UNIQUE (consultation_id, idempotency_key)
);
CREATE INDEX comments_consultation ON comments (consultation_id, id);

-- Fixed-window counters, in the database so that several instances share them.
CREATE TABLE rate_limits (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

CREATE TABLE staff_tokens (
  id text PRIMARY KEY,
  secret_hash text NOT NULL,
  role text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  consultation_id text,
  comment_id bigint,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_consultation ON audit_log (consultation_id, id);

-- Each publication is kept; the public sees the latest, staff see them all.
CREATE TABLE feedback_versions (
  consultation_id text NOT NULL REFERENCES consultations (id),
  version integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  content text NOT NULL,
  PRIMARY KEY (consultation_id, version)
);

CREATE TABLE qa_votes (
  policy_id text NOT NULL,
  qa_id text NOT NULL,
  helpful integer NOT NULL DEFAULT 0,
  unhelpful integer NOT NULL DEFAULT 0,
  PRIMARY KEY (policy_id, qa_id)
);
