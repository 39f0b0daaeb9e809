-- Near-duplicate groups kept as data and found in near-linear time (src/lib/minhash.ts): each
-- group's representative and variants are indexed by their LSH band keys; a new comment is
-- compared only with the indexed comments that share a key. `comment_groups` holds each group of
-- two or more: its size, kept as members join; the groups endpoint reads it as it is.
CREATE TABLE group_index (
  comment_id bigint PRIMARY KEY REFERENCES comments (id),
  consultation_id text NOT NULL,
  group_id bigint NOT NULL,
  bands bigint[] NOT NULL,
  sig integer[] NOT NULL
);
CREATE INDEX group_index_bands ON group_index USING gin (bands);
CREATE INDEX group_index_group ON group_index (group_id);

CREATE TABLE comment_groups (
  group_id bigint PRIMARY KEY REFERENCES comments (id),
  consultation_id text NOT NULL,
  size integer NOT NULL,
  indexed integer NOT NULL
);
CREATE INDEX comment_groups_consultation ON comment_groups (consultation_id, size DESC, group_id);
CREATE INDEX comments_group ON comments (group_id) WHERE group_id IS NOT NULL;

-- Full-text search in any script: each comment's character bigrams, hashed (src/lib/minhash.ts
-- searchKeys), written with its grouping; a query's keys find candidates, the text confirms.
-- (pg_trgm would do on PostgreSQL, but it drops characters its locale does not call alphanumeric,
-- and PGlite would need it loaded as an extension.)
ALTER TABLE comments ADD COLUMN search integer[];
CREATE INDEX comments_search ON comments USING gin (search);

-- Which instance grouped last (operators' view of who works, tests of sharing).
ALTER TABLE grouping_state ADD COLUMN worker text;

-- Groups made by the pairwise comparison before are recomputed by the new one.
UPDATE comments SET grouped = false, group_id = NULL;
DELETE FROM grouping_state;
