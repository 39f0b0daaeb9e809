-- A comment's search keys and its published outcome in tables of their own (issue 17). In
-- `comments`, every change to a row (a decision, grouping, publication) wrote its new version
-- into every index of the table, the GIN of its ~200 bigram keys included: a decision for a group
-- of 14,407 took 23.6 s, and publishing 500,000 rewrote every comment.
CREATE TABLE comment_search (
  comment_id bigint PRIMARY KEY REFERENCES comments (id),
  consultation_id text NOT NULL,
  search integer[] NOT NULL
);
INSERT INTO comment_search (comment_id, consultation_id, search)
SELECT id, consultation_id, search FROM comments WHERE search IS NOT NULL;
CREATE INDEX comment_search_keys ON comment_search USING gin (search);
DROP INDEX comments_search;
ALTER TABLE comments DROP COLUMN search;
-- What the latest publication said of each comment, as its receipt tells it; replaced whole at
-- each publication. Rows are copied from `comments` by the publishing statement itself (no
-- foreign key: comments are never deleted, and 500,000 checks would cost seconds).
CREATE TABLE comment_outcomes (
  comment_id bigint PRIMARY KEY,
  consultation_id text NOT NULL,
  moderation text NOT NULL,
  decision text,
  reason text
);
CREATE INDEX comment_outcomes_consultation ON comment_outcomes (consultation_id);
INSERT INTO comment_outcomes (comment_id, consultation_id, moderation, decision, reason)
SELECT id, consultation_id, published_moderation, published_decision, published_reason FROM comments
WHERE published_moderation IS NOT NULL;
ALTER TABLE comments DROP COLUMN published_decision;
ALTER TABLE comments DROP COLUMN published_reason;
ALTER TABLE comments DROP COLUMN published_moderation;
-- Published rows are now found by their comment's search keys (the masked text confirms each
-- match): publishing no longer inserts ~200 GIN entries per row. Versions published before keep
-- their own keys (`search`) and are searched by them.
ALTER TABLE feedback_comments ADD COLUMN comment_id bigint;
CREATE INDEX feedback_comments_comment ON feedback_comments (comment_id, version) WHERE comment_id IS NOT NULL;
ALTER TABLE feedback_versions ADD COLUMN keyed_by_comment boolean NOT NULL DEFAULT false
