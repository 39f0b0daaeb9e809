-- The published feedback as rows, one per published comment and version, read back in pages:
-- a national consultation's feedback is hundreds of thousands of comments, never one document.
-- `feedback_versions.content` keeps the summary and the first page; versions published before
-- this migration keep every comment there (`rows` false) and are paged from it.
ALTER TABLE feedback_versions ADD COLUMN rows boolean NOT NULL DEFAULT false;
CREATE TABLE feedback_comments (
  consultation_id text NOT NULL,
  version integer NOT NULL,
  no integer NOT NULL,
  clause text,
  clause_label text,
  body text NOT NULL,
  name text,
  submitter_type text NOT NULL,
  decision text NOT NULL,
  reason text,
  group_id bigint,
  -- The `no` of the group's first published comment, for members of a group of two or more.
  group_no integer,
  search integer[],
  PRIMARY KEY (consultation_id, version, no),
  FOREIGN KEY (consultation_id, version) REFERENCES feedback_versions (consultation_id, version)
);
CREATE INDEX feedback_comments_clause ON feedback_comments (consultation_id, version, clause, no);
CREATE INDEX feedback_comments_decision ON feedback_comments (consultation_id, version, decision, no);
CREATE INDEX feedback_comments_search ON feedback_comments USING gin (search);
