-- A record to stake a name on: tokens that expire and can be limited, versions of policies
-- instead of overwrites, a revision number per comment for optimistic concurrency, grouping
-- kept as data and computed by jobs, and an append-only audit log with a hash chain.

-- Tokens: an expiry (those made before this migration get 90 days from now), the last use,
-- the consultations a token is limited to (NULL: all), permissions granted beyond its role.
ALTER TABLE staff_tokens ADD COLUMN expires_at timestamptz;
UPDATE staff_tokens SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE staff_tokens ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE staff_tokens ADD COLUMN last_used_at timestamptz;
ALTER TABLE staff_tokens ADD COLUMN consultations text[];
ALTER TABLE staff_tokens ADD COLUMN grants text[] NOT NULL DEFAULT '{}';
ALTER TABLE staff_tokens ADD COLUMN created_by text;

-- Every text a policy has had. `policies.bundle` is the latest version, kept there because the
-- comment statement reads the draft's clauses from it.
ALTER TABLE policies ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE TABLE policy_versions (
  policy_id text NOT NULL REFERENCES policies (id),
  version integer NOT NULL,
  bundle jsonb NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (policy_id, version)
);
INSERT INTO policy_versions (policy_id, version, bundle, created_at, created_by)
  SELECT id, 1, bundle, updated_at, 'migration' FROM policies;

-- The version of the draft a comment was made on; its revision, which every change raises (the
-- staff API's ETag); its near-duplicate group (the smallest id of the group), set by a job.
ALTER TABLE comments ADD COLUMN policy_version integer;
UPDATE comments m SET policy_version = 1 FROM consultations c WHERE c.id = m.consultation_id AND c.policy_id IS NOT NULL;
ALTER TABLE comments ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE comments ADD COLUMN group_id bigint;

-- Work that grows with the number of comments runs as jobs, never on a request: one row per
-- kind and key while pending; an instance takes it with a lease (FOR UPDATE SKIP LOCKED), so
-- exactly one works it, and another takes it over if that instance dies.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, key)
);

-- The last grouping of each consultation: when, over how many comments, how many groups, and
-- how long it took (the next one waits a multiple of that: grouping yields to ingestion).
CREATE TABLE grouping_state (
  consultation_id text PRIMARY KEY REFERENCES consultations (id),
  computed_at timestamptz NOT NULL,
  comments integer NOT NULL,
  groups integer NOT NULL,
  took_ms integer NOT NULL DEFAULT 0
);

-- The audit log is append-only and chained: each entry's hash covers the previous entry's hash
-- and its own fields, so an entry changed or removed by hand breaks the chain
-- (`gongkai-server audit verify`). A transaction-scoped advisory lock orders the writers, and
-- `seq` is that order (ids are drawn before the lock, so they may commit out of order).
ALTER TABLE audit_log ADD COLUMN policy_id text;
ALTER TABLE audit_log ADD COLUMN seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

CREATE FUNCTION audit_entry_hash(prev text, e audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f', coalesce(prev, ''), e.seq::text, e.id::text,
    ((extract(epoch FROM e.at) * 1000000)::bigint)::text, e.actor, e.action, coalesce(e.consultation_id, ''),
    coalesce(e.comment_id::text, ''), coalesce(e.policy_id, ''), coalesce(e.before::text, ''),
    coalesce(e.after::text, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7361627);
  -- The time is the database's, never the writer's: no entry can be backdated.
  NEW.at := now();
  SELECT seq + 1, hash INTO NEW.seq, NEW.prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(NEW.seq, 1);
  NEW.hash := audit_entry_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

-- Entries written before this migration are chained in id order.
DO $$
DECLARE
  r audit_log;
  prev text := NULL;
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.seq := n;
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = audit_entry_hash(prev, r) WHERE id = r.id;
    prev := audit_entry_hash(prev, r);
  END LOOP;
END $$;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
-- The service needs only to read and append; a deployment whose service role does not own the
-- table (SECURITY.md) loses UPDATE and DELETE by privilege as well.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Comments the grouping job has not seen yet. A flag, not an id watermark: identities are drawn
-- at insert and committed in any order, so "id > last seen" would miss a late commit forever.
ALTER TABLE comments ADD COLUMN grouped boolean NOT NULL DEFAULT false;
CREATE INDEX comments_ungrouped ON comments (consultation_id) WHERE NOT grouped;
