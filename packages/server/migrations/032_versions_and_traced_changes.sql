-- From draft to final text (issue 19): each version's label (征求意见稿, 第二次征求意见稿, 送审稿,
-- 正式稿), a consultation's earlier round, and the changes in a later version that comments led
-- to (因意见修改), linked by staff and published with the feedback.
ALTER TABLE policy_versions ADD COLUMN label text;
ALTER TABLE consultations ADD COLUMN previous_round text REFERENCES consultations (id);

-- A change is named by its clause's id in the later version, or `-` and its id in the version
-- compared with for a clause the later version removed (format: changeKey).
CREATE TABLE comment_changes (
  comment_id bigint NOT NULL REFERENCES comments (id),
  consultation_id text NOT NULL REFERENCES consultations (id),
  policy_id text NOT NULL,
  version integer NOT NULL,
  change_key text NOT NULL,
  linked_by text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, version, change_key),
  FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version)
);
CREATE INDEX comment_changes_consultation ON comment_changes (consultation_id, version, change_key);

-- What publication made public: each published comment's changes, and each receipt's.
ALTER TABLE feedback_comments ADD COLUMN changes text[];
ALTER TABLE comment_outcomes ADD COLUMN change_version integer;
ALTER TABLE comment_outcomes ADD COLUMN changes text[];
