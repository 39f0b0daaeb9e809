-- Files attached to comments (issue 21). The bytes live outside the database (a FileStore:
-- a directory or object storage) under `storage_key`; this row says what they are. A citizen
-- uploads a file first and gets a token (only its SHA-256 is kept); the comment names the tokens
-- and the files join it. Uploads no comment took expire (the `attachments` job).
CREATE TABLE attachments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  comment_id bigint REFERENCES comments (id),
  token_hash text NOT NULL UNIQUE,
  storage_key text NOT NULL UNIQUE,
  name text NOT NULL,
  -- The type found in the bytes, never the one the name or the client claimed.
  media_type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  -- pending: awaiting the virus scanner; unscanned: no scanner configured; never served while
  -- pending or infected.
  scan text NOT NULL DEFAULT 'pending' CHECK (scan IN ('pending', 'clean', 'infected', 'unscanned')),
  scan_detail text,
  scanned_at timestamptz,
  -- Staff chose to publish it with the feedback; private otherwise.
  published boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  linked_at timestamptz
);
CREATE INDEX attachments_comment ON attachments (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX attachments_unlinked ON attachments (created_at) WHERE comment_id IS NULL;
CREATE INDEX attachments_pending ON attachments (id) WHERE scan = 'pending';
CREATE INDEX attachments_published ON attachments (consultation_id, comment_id) WHERE published;
