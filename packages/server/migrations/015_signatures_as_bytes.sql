-- Signatures as 512 bytes (128 big-endian uint32) instead of integer[] (issue 17): the grouping job
-- reads the signatures of every candidate of a batch, tens of thousands of them, and node-postgres
-- parsed each array's text on the server's thread (3–5.5 s a batch at 500,000, `/healthz` waiting).
ALTER TABLE group_index ADD COLUMN sig_bytes bytea;
UPDATE group_index SET sig_bytes = (
  SELECT string_agg(int4send(v), ''::bytea ORDER BY i) FROM unnest(sig) WITH ORDINALITY AS u(v, i)
);
ALTER TABLE group_index DROP COLUMN sig;
ALTER TABLE group_index RENAME COLUMN sig_bytes TO sig;
ALTER TABLE group_index ALTER COLUMN sig SET NOT NULL
